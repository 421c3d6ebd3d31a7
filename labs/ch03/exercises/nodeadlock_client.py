#!/usr/bin/env python3
"""The deadlock fixed (Exercise 2): send from one thread while the main thread reads.

Same server and protocol as deadlock.py: send SIZE bytes of lowercase letters, get them back
in capitals. Because something reads all the time, the echo never stalls, whatever the size.
"""
import argparse
import socket
import sys
import threading   # or select: any way to read while sending will do
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # the chapter's tcpkit.py
from tcpkit import (connect, digest, fail, port_number, sample_data,  # noqa: E402
                    small_buffers)

PORT = 3001


def exchange(sock, data):
    """Send all of data, half-close, and return everything received until the server's EOF."""
    # TODO Exercise 2: implement this (see labs/ch03/README.md).
    raise NotImplementedError("Exercise 2: see labs/ch03/README.md")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("host", nargs="?", default="www", help="where deadlock.py server runs")
    parser.add_argument("--port", type=port_number, default=PORT,
                        help="default %(default)s")
    parser.add_argument("--size", type=int, default=4_000_000, help="bytes to send")
    args = parser.parse_args()
    with connect(args.host, args.port, before=small_buffers) as sock:
        try:
            received = exchange(sock, sample_data(args.size))
        except OSError as exc:
            fail(f"{exc.__class__.__name__}: {exc}")
    print(f"sent {args.size} bytes, received {len(received)} bytes, sha256 {digest(received)}")


if __name__ == "__main__":
    main()
