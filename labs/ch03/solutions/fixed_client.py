#!/usr/bin/env python3
"""Exercise 1, the reference solution: recvall() loops over recv() until the message is whole.

The rest of the client is labs/ch03/fixed_client_main.py.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # the chapter folder
from fixed_client_main import main  # noqa: E402


def recvall(sock, length):
    """Exactly `length` bytes from sock; EOFError if the peer closes before that."""
    data = b""
    while len(data) < length:
        more = sock.recv(length - len(data))
        if not more:   # b"" means the peer closed: no more bytes will ever come
            raise EOFError(f"connection closed after {len(data)} of {length} bytes")
        data += more
    return data


if __name__ == "__main__":
    main(recvall=recvall)
