#!/usr/bin/env python3
"""Exercise 3: a listener that hears broadcasts on its LAN and answers the sender.

YOUR TASK: complete the parts marked TODO (see labs/ch02/README.md, Exercise 3).

    h2$ python3 broadcast_listener.py                # and on h3, h4
    h1$ python3 udp_broadcast.py                     # h2 and h3 answer, h4 never hears it

For every datagram it prints `heard from ADDRESS:PORT: TEXT` and answers the sender, by
unicast, with its host name. It runs until stopped (Ctrl-C).
"""
from __future__ import annotations

import argparse
import socket
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # the chapter folder: udpkit
import udpkit  # noqa: E402


def listen(port: int) -> None:
    """Receive datagrams (broadcast ones included) on `port`, print and answer each."""
    # TODO Exercise 3:
    # Bind a UDP socket to port `port` on an address that receives broadcasts, then for
    # every datagram print `heard from ADDRESS:PORT: TEXT` (flush!) and answer the sender
    # with a datagram that names this host (socket.gethostname()).
    raise NotImplementedError("Exercise 3: see labs/ch02/README.md")


def main() -> None:
    parser = argparse.ArgumentParser(description="Listen for UDP broadcasts and answer them.")
    parser.add_argument("--port", type=udpkit.port, default=udpkit.BROADCAST_PORT,
                        help="port (default: %(default)s)")
    listen(parser.parse_args().port)


if __name__ == "__main__":
    udpkit.run(main)
