"""Exercise 1's program: the qa protocol served by a pre-allocated pool of worker threads
that idle clients cannot tie up. serve() is yours, in exercises/pool_server.py.

    www$ python3 /labs/ch07/pool_server.py --workers 4     # port 7010
"""
import argparse
import socket

import labkit

import qa

PORT = 7010
serve = labkit.answer("pool_server").serve


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=labkit.port, default=PORT)
    parser.add_argument("--workers", type=labkit.positive, default=4)
    args = parser.parse_args()
    listener = socket.create_server(("", args.port), backlog=qa.BACKLOG)
    print(f"serving port {args.port} with {args.workers} workers", flush=True)
    serve(listener, args.workers)


if __name__ == "__main__":
    labkit.main(main)
