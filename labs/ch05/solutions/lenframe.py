#!/usr/bin/env python3
"""Our solution to Exercise 1 (labs/ch05/README.md): the length-prefix framing functions.
The server and the client that use them are in labs/ch05/lenframe_main.py:

    python3 /labs/ch05/solutions/lenframe.py server                   # on www, port 5010
    python3 /labs/ch05/solutions/lenframe.py client www --sizes 1,1500,70000
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # labs/ch05
from lenframe_main import HEADER, main  # noqa: E402


def recv_exactly(sock, n):
    """Exactly n bytes: recv() may return fewer, so keep asking; EOFError if the peer closes."""
    buf = bytearray()
    while len(buf) < n:
        data = sock.recv(n - len(buf))
        if not data:
            raise EOFError(f"the peer closed after {len(buf)} of {n} bytes")
        buf += data
    return bytes(buf)


def send_message(sock, payload):
    """Send one framed message: the length header, then the payload."""
    sock.sendall(HEADER.pack(len(payload)) + payload)


def recv_message(sock):
    """Receive one framed message and return its payload (b'' for the end marker)."""
    (length,) = HEADER.unpack(recv_exactly(sock, HEADER.size))
    return recv_exactly(sock, length)


if __name__ == "__main__":
    main(send_message=send_message, recv_message=recv_message)
