"""Exercise 2's program: the qa protocol served by one thread with select.poll().
serve() is yours, in exercises/poll_server.py.

    www$ python3 /labs/ch07/poll_server.py           # port 7020
"""
import argparse
import socket

import labkit

import qa

PORT = 7020
serve = labkit.answer("poll_server").serve


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=labkit.port, default=PORT)
    port = parser.parse_args().port
    listener = socket.create_server(("", port), backlog=qa.BACKLOG)
    print(f"serving port {port}", flush=True)
    serve(listener)


if __name__ == "__main__":
    labkit.main(main)
