#!/usr/bin/env python3
"""Exercise 3: a listener that hears broadcasts on its LAN and answers the sender
(labs/ch02/README.md, "Exercise 3").

YOUR TASK: write listen() below; its docstring says what to do. The rest of the program
(the --port argument, the one-line errors) is ../broadcast_listener_main.py: leave it as it is.

    h2$ python3 /labs/ch02/exercises/broadcast_listener.py    # and on h3, h4
    h1$ python3 /labs/ch02/udp_broadcast.py      # h2 and h3 answer, h4 never hears it
"""
from __future__ import annotations

import socket
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # the chapter folder
import udpkit  # noqa: E402
from broadcast_listener_main import main  # noqa: E402


def listen(port: int) -> None:
    """TODO Exercise 3: receive datagrams (broadcast ones included) on `port`, print and
    answer each, until stopped (Ctrl-C).

    Bind a UDP socket to port `port` on an address that receives broadcasts (what happens
    when you bind to 192.168.1.12 instead of the wildcard address?), then for every datagram
    print `heard from ADDRESS:PORT: TEXT` (udpkit.show; flush!) and answer the sender by
    unicast with a datagram that names this host (socket.gethostname()).
    """
    raise NotImplementedError("Exercise 3: see labs/ch02/README.md")


if __name__ == "__main__":
    main(listen)
