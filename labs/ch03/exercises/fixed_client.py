#!/usr/bin/env python3
"""Exercise 1: recvall for fixed-length messages (labs/ch03/README.md, section 'Exercise 1').

Write recvall() below. The rest of the client (command line, connecting, padding each word to
16 bytes, printing each reply, one-line errors) is labs/ch03/fixed_client_main.py: for each
word it calls sock.sendall(message) and then your recvall(sock, 16).
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # the chapter folder
from fixed_client_main import main  # noqa: E402


def recvall(sock, length):
    """Return exactly `length` bytes from sock; EOFError if the peer closes before that.

    recv(n) returns *up to* n bytes: whatever has arrived. Call it until you have them all.
    If recv() returns b"" the peer has closed and no more bytes will ever come: raise
    EOFError saying how many of the bytes arrived (e.g. "connection closed after 4 of 16
    bytes"); looping on instead would spin forever.
    """
    # TODO Exercise 1: implement this (see labs/ch03/README.md).
    raise NotImplementedError("Exercise 1: see labs/ch03/README.md")


if __name__ == "__main__":
    main(recvall=recvall)
