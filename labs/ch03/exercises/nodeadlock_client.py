#!/usr/bin/env python3
"""Exercise 2: fix the deadlock (labs/ch03/README.md, section 'Exercise 2').

Write exchange() below. The rest of the client is labs/ch03/nodeadlock_client_main.py: it
connects to deadlock.py server with the same small socket buffers as deadlock.py's client,
calls your exchange(sock, data) with --size bytes of lowercase letters, and prints the sizes
and the SHA-256 of what you return. An OSError from exchange() becomes a one-line error.
"""
import socket      # socket.SHUT_WR
import sys
import threading   # or select: any way to read while sending will do
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # the chapter folder
from nodeadlock_client_main import main  # noqa: E402


def exchange(sock, data):
    """Send all of data, half-close, and return everything received until the server's EOF.

    Send with sendall(), then say you are done with sock.shutdown(socket.SHUT_WR), and read
    until recv() returns b"". Read while you are still sending, so that the capitals coming
    back never pile up: e.g. a thread that sends (and then shuts down) while this thread
    reads. Do not change the buffer sizes: any size of data must work.
    """
    # TODO Exercise 2: implement this (see labs/ch03/README.md).
    raise NotImplementedError("Exercise 2: see labs/ch03/README.md")


if __name__ == "__main__":
    main(exchange=exchange)
