#!/usr/bin/env python3
"""Exercise 1: a UDP client that survives a lossy link (labs/ch02/README.md, "Exercise 1").

YOUR TASK: write receive_reply() and exchange() below; their docstrings say what to do.
The rest of the program (the arguments, one request per TEXT, printing `reply: ...`, the
one-line error when exchange() raises GaveUp) is ../backoff_client_main.py: leave it as it is.

    h1$ python3 /labs/ch02/exercises/backoff_client.py www one two three
                                        # against `udp_remote.py server` on www
"""
from __future__ import annotations

import argparse
import socket
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # the chapter folder
import udpkit  # noqa: E402
from backoff_client_main import GaveUp, main  # noqa: E402


def receive_reply(sock: socket.socket, server: tuple[str, int], request_id: int,
                  until: float) -> str | None:
    """TODO Exercise 1: return the text of the reply to request_id, or None if none arrives
    before `until` (a time.monotonic() value).

    Wait for datagrams (sock.settimeout with the time left, sock.recvfrom(udpkit.MAX_DATAGRAM))
    until `until`; skip datagrams not from `server`, and replies whose ID (udpkit.decode) is
    not request_id: a late answer to an earlier copy of an earlier request.
    """
    raise NotImplementedError("Exercise 1: see labs/ch02/README.md")


def exchange(sock: socket.socket, server: tuple[str, int], request_id: int, text: str,
             args: argparse.Namespace) -> str:
    """TODO Exercise 1: send one request until its reply arrives, with exponential backoff;
    return the reply's text, or raise GaveUp if it never comes.

    Send udpkit.encode(request_id, text) with sock.sendto; wait args.initial seconds for the
    reply (receive_reply); if none came, send the SAME request again and wait twice as long
    (at most args.max_interval); raise GaveUp("...why...") once args.give_up seconds have
    passed since the first send.
    """
    raise NotImplementedError("Exercise 1: see labs/ch02/README.md")


if __name__ == "__main__":
    main(exchange)
