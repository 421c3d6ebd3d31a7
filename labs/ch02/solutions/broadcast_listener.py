#!/usr/bin/env python3
"""Exercise 3, a reference solution: bound to the wildcard address, the listener hears its
LAN's broadcasts. The program around this function is ../broadcast_listener_main.py.
"""
from __future__ import annotations

import socket
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # the chapter folder
import udpkit  # noqa: E402
from broadcast_listener_main import main  # noqa: E402


def listen(port: int) -> None:
    """Print and answer every datagram to `port`, broadcast or not, until stopped."""
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


if __name__ == "__main__":
    main(listen)
