#!/usr/bin/env python3
"""The promiscuous client: any host can answer a UDP request that a naive client made.

    www$ python3 udp_remote.py server --delay 3     # a slow server leaves a window open
    h1$  python3 udp_stray.py naive www "hello"     # waits on port 2021 for the reply
    h2$  python3 udp_stray.py stray 192.168.1.11 2021 "I am not the server"

The naive client takes the first datagram that reaches its port as the answer, even one from
h2, which never saw the request. (h1 is behind modemA's NAT: only a host on home A can reach
192.168.1.11 directly.) Exercise 2 (exercises/careful_client.py) fixes it.
"""
from __future__ import annotations

import argparse
import socket

import labkit
import udpkit


def naive(host: str, port: int, bind_port: int, text: str, timeout: float) -> None:
    server = udpkit.resolve(host, port)
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("", bind_port))   # a known port, so the stray sender knows where to aim
    sock.settimeout(timeout)
    sock.sendto(udpkit.encode(udpkit.new_request_id(), text), server)
    print(f"asked {udpkit.show(server)} from port {bind_port}", flush=True)
    try:
        data, sender = sock.recvfrom(udpkit.MAX_DATAGRAM)   # from ANYONE: that is the bug
    except socket.timeout:
        labkit.fail(f"no reply within {timeout} s")
    print(f"reply from {udpkit.show(sender)}: {data.decode('utf-8', errors='replace')}")


def stray(host: str, port: int, text: str) -> None:
    target = udpkit.resolve(host, port)
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.sendto(text.encode(), target)
    print(f"sent {len(text.encode())} bytes to {udpkit.show(target)}")


def main() -> None:
    parser = argparse.ArgumentParser(description="A naive UDP client, and a stray datagram "
                                                 "to fool it.")
    sub = parser.add_subparsers(dest="role", required=True)
    cli = sub.add_parser("naive", help="ask the server once; believe whoever answers")
    cli.add_argument("host", help="server running `udp_remote.py server`, e.g. www")
    cli.add_argument("text", nargs="?", default="hello, anyone?")
    cli.add_argument("--port", type=labkit.port, default=udpkit.REMOTE_PORT,
                     help="server port (default: %(default)s)")
    cli.add_argument("--bind-port", type=labkit.port, default=udpkit.STRAY_PORT,
                     help="our own port (default: %(default)s)")
    cli.add_argument("--timeout", type=labkit.seconds, default=10.0,
                     help="how long to wait (default: %(default)s s)")
    snd = sub.add_parser("stray", help="send one unsolicited datagram")
    snd.add_argument("host", help="the victim, e.g. 192.168.1.11")
    snd.add_argument("port", type=labkit.port, help="the victim's port, e.g. 2021")
    snd.add_argument("text", nargs="?", default="I am not the server")
    args = parser.parse_args()
    if args.role == "naive":
        naive(args.host, args.port, args.bind_port, args.text, args.timeout)
    else:
        stray(args.host, args.port, args.text)


if __name__ == "__main__":
    labkit.main(main)
