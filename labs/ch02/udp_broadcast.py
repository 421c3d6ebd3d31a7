#!/usr/bin/env python3
"""Broadcast on a LAN: one datagram, every listener on the segment hears it.

    h2$ python3 solutions/broadcast_listener.py      # (your Exercise 3), also on h3 and h4
    h1$ python3 udp_broadcast.py                      # to 192.168.1.255, port 2030

The sender needs SO_BROADCAST: without it the kernel refuses to send to a broadcast address
(try --without-so-broadcast). The frame goes to the Ethernet address ff:ff:ff:ff:ff:ff, so
h2 and h3 receive it; modemA does not forward it, so h4 (home B, the SAME subnet
192.168.1.0/24, but another LAN) never does. Listeners answer by unicast; the sender prints
the answers that arrive within --wait seconds.
"""
from __future__ import annotations

import argparse
import socket
import time

import labkit
import udpkit


def announce(address: str, port: int, text: str, so_broadcast: bool) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    if so_broadcast:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
    try:
        sock.sendto(text.encode(), (address, port))
    except PermissionError:
        labkit.fail(f"sending to {address} was refused (EACCES): a broadcast needs the "
                    "SO_BROADCAST socket option")
    print(f"sent {text!r} to {address}:{port} from port {sock.getsockname()[1]}", flush=True)
    return sock


def collect_answers(sock: socket.socket, wait: float) -> int:
    """Print every answer arriving within `wait` seconds; return how many came."""
    deadline = time.monotonic() + wait
    count = 0
    while (left := deadline - time.monotonic()) > 0:
        sock.settimeout(left)
        try:
            data, sender = sock.recvfrom(udpkit.MAX_DATAGRAM)
        except socket.timeout:
            break
        count += 1
        print(f"answer from {udpkit.show(sender)}: {data.decode('utf-8', errors='replace')}",
              flush=True)
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description="Send one UDP broadcast and list who answers.")
    parser.add_argument("address", nargs="?", default="192.168.1.255",
                        help="broadcast address (default: %(default)s, home A's)")
    parser.add_argument("--port", type=labkit.port, default=udpkit.BROADCAST_PORT,
                        help="listeners' port (default: %(default)s)")
    parser.add_argument("--text", default="hello, LAN", help="what to broadcast")
    parser.add_argument("--wait", type=labkit.seconds, default=1.0,
                        help="how long to collect answers (default: %(default)s s)")
    parser.add_argument("--without-so-broadcast", action="store_true",
                        help="forget SO_BROADCAST, to see the kernel refuse")
    args = parser.parse_args()
    sock = announce(args.address, args.port, args.text, not args.without_so_broadcast)
    count = collect_answers(sock, args.wait)
    print(f"{count} answer(s) in {args.wait} s")


if __name__ == "__main__":
    labkit.main(main)
