"""Exercise 1: a client that survives a lossy link (labs/ch02/README.md).

Write receive_reply() and exchange(); ../backoff_client.py runs them:
    h1$ python3 /labs/ch02/backoff_client.py www one two three
"""
from __future__ import annotations

import argparse
import socket
import time

import udpkit


def receive_reply(sock: socket.socket, server: tuple[str, int], request_id: int,
                  until: float) -> str | None:
    """TODO: return the text of the reply to request_id, or None if none arrives before
    `until` (a time.monotonic() value).

    Wait for datagrams (sock.settimeout with the time left, sock.recvfrom(udpkit.MAX_DATAGRAM))
    until `until`; skip datagrams not from `server`, and replies whose ID (udpkit.decode) is
    not request_id: a late answer to an earlier copy of an earlier request.
    """
    raise NotImplementedError


def exchange(sock: socket.socket, server: tuple[str, int], request_id: int, text: str,
             args: argparse.Namespace) -> str:
    """TODO: send one request until its reply arrives, with exponential backoff; return the
    reply's text, or raise udpkit.GaveUp if it never comes.

    Send udpkit.encode(request_id, text) with sock.sendto; wait args.initial seconds for the
    reply (receive_reply); if none came, send the SAME request again and wait twice as long
    (at most args.max_interval); raise udpkit.GaveUp("...why...") once args.give_up seconds
    have passed since the first send.
    """
    raise NotImplementedError
