#!/usr/bin/env python3
"""Exercise 1: length-prefixed messages (labs/ch05/README.md, section 'Exercise 1').

Write the three functions below. Each message is HEADER (a 4-byte unsigned length in network
byte order, struct '!I') followed by that many bytes; a zero-length message means "no more
messages". The server, the client and their arguments are in labs/ch05/lenframe_main.py:

    python3 /labs/ch05/exercises/lenframe.py server                   # on www, port 5010
    python3 /labs/ch05/exercises/lenframe.py client www hello 'two words'
    python3 /labs/ch05/exercises/lenframe.py client www --sizes 1,1500,70000
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # labs/ch05
from lenframe_main import HEADER, main  # noqa: E402


def recv_exactly(sock, n):
    """Exactly n bytes: recv() may return fewer, so keep asking; EOFError if the peer closes."""
    # TODO Exercise 1: loop on sock.recv() until you have n bytes; raise EOFError if recv()
    # returns b'' (the peer closed) before that.
    raise NotImplementedError("Exercise 1: see labs/ch05/README.md")


def send_message(sock, payload):
    """Send one framed message: the length header, then the payload."""
    # TODO Exercise 1: pack the payload's length with HEADER (struct '!I') and send header and
    # payload with sendall().
    raise NotImplementedError("Exercise 1: see labs/ch05/README.md")


def recv_message(sock):
    """Receive one framed message and return its payload (b'' for the end marker)."""
    # TODO Exercise 1: read exactly HEADER.size bytes, unpack the length, then read exactly that
    # many bytes (use recv_exactly) and return them.
    raise NotImplementedError("Exercise 1: see labs/ch05/README.md")


if __name__ == "__main__":
    main(send_message=send_message, recv_message=recv_message)
