#!/usr/bin/env python3
"""UDP on the loopback interface: the smallest server and client.

    python3 udp_local.py server            # waits on 127.0.0.1:2000
    python3 udp_local.py client "hello"    # in a second shell on the same host

The server answers every datagram with its length; the client shows which ephemeral port the
operating system picked for it, because it never called bind().
"""
from __future__ import annotations

import argparse
import socket

import labkit
import udpkit


def serve(port: int) -> None:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", port))   # loopback only: nobody outside this host can reach it
    print(f"listening at {udpkit.show(sock.getsockname())}", flush=True)
    while True:
        data, client = sock.recvfrom(udpkit.MAX_DATAGRAM)
        text = data.decode("utf-8", errors="replace")
        print(f"from {udpkit.show(client)}: {text!r}", flush=True)
        sock.sendto(f"your datagram was {len(data)} bytes".encode(), client)


def ask(port: int, text: str, timeout: float) -> None:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.settimeout(timeout)
    server = ("127.0.0.1", port)
    sock.sendto(text.encode(), server)
    # The first sendto() bound the socket to an ephemeral port: that is the reply address.
    print(f"sent from {udpkit.show(sock.getsockname())}")
    try:
        data, sender = sock.recvfrom(udpkit.MAX_DATAGRAM)
    except socket.timeout:
        labkit.fail(f"no reply from {udpkit.show(server)} within {timeout} s "
                    "(is the server running on this host?)")
    print(f"reply from {udpkit.show(sender)}: {data.decode('utf-8', errors='replace')}")


def main() -> None:
    parser = argparse.ArgumentParser(description="UDP server and client on 127.0.0.1.")
    parser.add_argument("role", choices=["server", "client"])
    parser.add_argument("text", nargs="?", default="hello, loopback",
                        help="what the client sends (default: %(default)r)")
    parser.add_argument("--port", type=labkit.port, default=udpkit.LOCAL_PORT,
                        help="server port (default: %(default)s)")
    parser.add_argument("--timeout", type=labkit.seconds, default=2.0,
                        help="how long the client waits (default: %(default)s s)")
    args = parser.parse_args()
    if args.role == "server":
        serve(args.port)
    else:
        ask(args.port, args.text, args.timeout)


if __name__ == "__main__":
    labkit.main(main)
