"""Exercise 2: a careful client that rejects strays (labs/ch02/README.md).

Write wait_for_reply(); ../careful_client.py runs it:
    h1$ python3 /labs/ch02/careful_client.py www "hello"
"""
from __future__ import annotations

import socket
import time

import labkit
import udpkit


def wait_for_reply(sock: socket.socket, server: tuple[str, int], request_id: int,
                   timeout: float) -> str:
    """TODO: return the text of the server's reply to request_id; report and skip strays;
    end with an error if no genuine reply arrives within `timeout` seconds.

    recvfrom (udpkit.MAX_DATAGRAM) in a loop until `timeout` runs out: print a line for, and
    skip, every datagram whose sender is not `server` (the address as recvfrom reports it)
    or whose ID (udpkit.decode) is not request_id; return the first genuine reply's text;
    on timeout, labkit.fail("...why...").
    """
    raise NotImplementedError
