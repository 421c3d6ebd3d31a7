#!/usr/bin/env python3
"""Exercise 2: a client that fails clearly (labs/ch05/README.md, section 'Exercise 2').

Write the two functions below. The program sends one request line, prints everything the
server sends until it closes, and turns every network failure into one line on stderr and exit
status 1 (no traceback); that part is in labs/ch05/fetch_main.py:

    python3 /labs/ch05/exercises/fetch.py www 5020                  # trouble_server.py --mode ok
    python3 /labs/ch05/exercises/fetch.py nosuch.example.com 5020   # name not found
    python3 /labs/ch05/exercises/fetch.py www 5099                  # connection refused
    python3 /labs/ch05/exercises/fetch.py www 5021                  # --mode reset
    python3 /labs/ch05/exercises/fetch.py www 5022 --timeout 2      # --mode silent
"""
import os
import socket  # noqa: F401  (socket.gaierror, for explain())
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # labs/ch05
from fetch_main import main  # noqa: E402


def receive_all(sock):
    """Everything the server sends until it closes the connection (framing by closing)."""
    # TODO Exercise 2: call sock.recv() until it returns b'' and return all the bytes joined.
    raise NotImplementedError("Exercise 2: see labs/ch05/README.md")


def explain(exc, host, port, timeout):
    """One line that says what went wrong, in the user's terms."""
    # TODO Exercise 2: return one line for each case, naming host and port:
    # - socket.gaierror (the name does not exist): mention the host name;
    # - ConnectionRefusedError: say 'refused';
    # - ConnectionResetError: say 'reset';
    # - TimeoutError (socket.timeout): say 'timed out' and the timeout;
    # - any other OSError: its strerror.
    raise NotImplementedError("Exercise 2: see labs/ch05/README.md")


if __name__ == "__main__":
    main(receive_all=receive_all, explain=explain)
