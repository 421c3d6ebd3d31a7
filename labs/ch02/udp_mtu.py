#!/usr/bin/env python3
"""How big may a UDP datagram be? Ask the kernel for the path MTU, then try.

    h1$ python3 udp_mtu.py www                  # sends the largest payload that fits
    h1$ python3 udp_mtu.py www --size 1473      # one byte too many: EMSGSIZE

With IP_MTU_DISCOVER set to IP_PMTUDISC_DO the kernel sets Don't Fragment on every packet
and refuses (EMSGSIZE) a datagram that would not fit the path MTU, instead of fragmenting
it. IP_MTU reads the MTU the kernel knows for the connected destination: the interface's
(1500 here) until an ICMP "fragmentation needed" from a router lowers it.
"""
from __future__ import annotations

import argparse
import errno
import socket

import labkit
import udpkit

# Linux values from <linux/in.h>; Python's socket module does not export these names.
IP_MTU_DISCOVER = getattr(socket, "IP_MTU_DISCOVER", 10)
IP_PMTUDISC_DO = getattr(socket, "IP_PMTUDISC_DO", 2)
IP_MTU = getattr(socket, "IP_MTU", 14)
HEADERS = 20 + 8   # IPv4 header without options, UDP header


def path_mtu(sock: socket.socket) -> int:
    return sock.getsockopt(socket.IPPROTO_IP, IP_MTU)


def main() -> None:
    parser = argparse.ArgumentParser(description="Report the path MTU to a host and send one "
                                                 "datagram with Don't Fragment set.")
    parser.add_argument("host", help="destination, e.g. www")
    parser.add_argument("--port", type=labkit.port, default=udpkit.MTU_PORT,
                        help="destination port; nothing needs to listen (default: %(default)s)")
    parser.add_argument("--size", type=int, help="UDP payload bytes to send "
                        "(default: the largest that fits)")
    args = parser.parse_args()
    if args.size is not None and not 0 <= args.size <= udpkit.MAX_DATAGRAM - HEADERS:
        parser.error(f"--size must be 0-{udpkit.MAX_DATAGRAM - HEADERS}")
    target = udpkit.resolve(args.host, args.port)
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.setsockopt(socket.IPPROTO_IP, IP_MTU_DISCOVER, IP_PMTUDISC_DO)
    sock.connect(target)   # IP_MTU needs a destination: the route's MTU is per path
    mtu = path_mtu(sock)
    print(f"path MTU to {udpkit.show(target)}: {mtu} bytes "
          f"(largest UDP payload: {mtu - HEADERS} bytes)")
    size = mtu - HEADERS if args.size is None else args.size
    try:
        sock.send(b"x" * size)
    except OSError as exc:
        if exc.errno != errno.EMSGSIZE:
            raise
        labkit.fail(f"EMSGSIZE: a {size}-byte payload does not fit the path MTU of "
                    f"{path_mtu(sock)} bytes with Don't Fragment set")
    print(f"sent a {size}-byte payload with Don't Fragment set")


if __name__ == "__main__":
    labkit.main(main)
