#!/usr/bin/env python3
"""Exercise 3: a listener that hears broadcasts on its LAN and answers the sender.

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
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    # The wildcard address: a socket bound to the host's own address (192.168.1.12) would
    # never see datagrams addressed to 192.168.1.255.
    sock.bind(("", port))
    print(f"listening at {udpkit.show(sock.getsockname())}", flush=True)
    while True:
        data, sender = sock.recvfrom(udpkit.MAX_DATAGRAM)
        text = data.decode("utf-8", errors="replace")
        print(f"heard from {udpkit.show(sender)}: {text}", flush=True)
        sock.sendto(f"{socket.gethostname()} heard you".encode(), sender)


def main() -> None:
    parser = argparse.ArgumentParser(description="Listen for UDP broadcasts and answer them.")
    parser.add_argument("--port", type=udpkit.port, default=udpkit.BROADCAST_PORT,
                        help="port (default: %(default)s)")
    listen(parser.parse_args().port)


if __name__ == "__main__":
    udpkit.run(main)
