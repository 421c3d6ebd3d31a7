"""The qa protocol served by a fixed pool of threads, started up front, that all call accept()
on the same listening socket: the kernel hands each new connection to one waiting thread.
The number of threads never grows, but WORKERS idle clients are enough to tie up every one
of them (see the README and Exercise 1).

    www$ python3 /labs/ch07/pool.py --workers 4      # port 7002
"""
import argparse
import socket
import threading

import labkit

import qa
from single import converse

PORT = 7002


def worker(listener: socket.socket) -> None:
    while True:
        conn, address = listener.accept()   # many threads may block here at once
        with conn:
            try:
                converse(conn)
            except OSError as exc:
                print(f"{address[0]}:{address[1]}: {exc}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=labkit.port, default=PORT)
    parser.add_argument("--workers", type=labkit.positive, default=4)
    args = parser.parse_args()
    listener = socket.create_server(("", args.port), backlog=qa.BACKLOG)
    threads = [threading.Thread(target=worker, args=(listener,), daemon=True)
               for _ in range(args.workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


if __name__ == "__main__":
    labkit.main(main)
