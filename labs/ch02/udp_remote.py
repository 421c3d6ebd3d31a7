#!/usr/bin/env python3
"""A UDP server reachable over the network, and a client that asks it once.

    www$ python3 udp_remote.py server                 # all interfaces, port 2010
    h1$  python3 udp_remote.py client www "hello"

Each request starts with a request ID (see udpkit.py); the server answers with the same ID
and the address it saw the request come from, so you can watch modemA's NAT at work: a
client on h1 is seen by www as 10.25.1.65, by h2 (same LAN) as 192.168.1.11.

`--delay S` makes the server answer S seconds late without blocking other clients: a slow
server is how a client's timeouts and retransmissions produce duplicate replies.
"""
from __future__ import annotations

import argparse
import heapq
import socket
import time

import labkit
import udpkit


def answer_for(data: bytes, client: tuple[str, int]) -> bytes | None:
    """The reply to one request, or None for a datagram that is not a request."""
    try:
        request_id, text = udpkit.decode(data)
    except ValueError:
        print(f"from {udpkit.show(client)}: ignored, not a request: {data[:40]!r}", flush=True)
        return None
    print(f"from {udpkit.show(client)}: request {request_id:08x} {text!r}", flush=True)
    return udpkit.encode(request_id, f"{text.upper()} (you are {udpkit.show(client)})")


def serve(interface: str, port: int, delay: float) -> None:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((interface, port))
    print(f"listening at {udpkit.show(sock.getsockname())}", flush=True)
    pending: list[tuple[float, int, bytes, tuple[str, int]]] = []   # (due, seq, reply, to)
    seq = 0
    while True:
        # Wait for the next request, but no longer than until the next delayed reply is due.
        wait = pending[0][0] - time.monotonic() if pending else None
        if wait is None or wait > 0:
            sock.settimeout(wait)
            try:
                data, client = sock.recvfrom(udpkit.MAX_DATAGRAM)
            except socket.timeout:
                data = None
            if data is not None and (reply := answer_for(data, client)) is not None:
                seq += 1
                heapq.heappush(pending, (time.monotonic() + delay, seq, reply, client))
        while pending and pending[0][0] <= time.monotonic():
            _, _, reply, client = heapq.heappop(pending)
            sock.sendto(reply, client)


def ask(host: str, port: int, text: str, timeout: float) -> None:
    server = udpkit.resolve(host, port)
    request_id = udpkit.new_request_id()
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.settimeout(timeout)
    sock.sendto(udpkit.encode(request_id, text), server)
    try:
        data, sender = sock.recvfrom(udpkit.MAX_DATAGRAM)
    except socket.timeout:
        # One try only: on a lossy link this is where a client needs retransmission.
        labkit.fail(f"no reply from {udpkit.show(server)} within {timeout} s "
                    "(request or reply lost, or server down)")
    print(f"reply from {udpkit.show(sender)}: {data.decode('utf-8', errors='replace')}")


def main() -> None:
    parser = argparse.ArgumentParser(description="UDP server and one-shot client across "
                                                 "the playground.")
    sub = parser.add_subparsers(dest="role", required=True)
    srv = sub.add_parser("server", help="answer requests")
    srv.add_argument("--interface", default="0.0.0.0",
                     help="address to bind (default: %(default)s, every interface)")
    srv.add_argument("--port", type=labkit.port, default=udpkit.REMOTE_PORT,
                     help="port (default: %(default)s)")
    srv.add_argument("--delay", type=float, default=0.0,
                     help="answer this many seconds late (default: %(default)s)")
    cli = sub.add_parser("client", help="send one request and wait for the reply")
    cli.add_argument("host", help="server name or address, e.g. www")
    cli.add_argument("text", nargs="?", default="hello, network")
    cli.add_argument("--port", type=labkit.port, default=udpkit.REMOTE_PORT,
                     help="server port (default: %(default)s)")
    cli.add_argument("--timeout", type=labkit.seconds, default=2.0,
                     help="how long to wait (default: %(default)s s)")
    args = parser.parse_args()
    if args.role == "server":
        if args.delay < 0:
            parser.error("--delay must not be negative")
        serve(args.interface, args.port, args.delay)
    else:
        ask(args.host, args.port, args.text, args.timeout)


if __name__ == "__main__":
    labkit.main(main)
