#!/usr/bin/env python3
"""A tricky UDP server: before its genuine reply to each request it sends what a real network
or a hostile host may deliver first, so a client that believes the first datagram is caught.

    h2$ python3 /labs/ch02/udp_tricky.py
    h1$ python3 /labs/ch02/backoff_client.py 192.168.1.12 hello --port 2012
    h1$ python3 /labs/ch02/careful_client.py 192.168.1.12 hello --port 2012

For each request (udpkit's format) it sends, in this order: an empty datagram; one without a
request ID; the reply to another request; a reply with the right ID from another port (2013,
as another program on the same host could); then from its own port the genuine reply, the
request's text in capitals and --secret, padded to --size bytes of text so that a client
receiving into a small buffer cuts it short. Run it on a host of the client's LAN (h2 for
h1): through modemA's NAT only the genuine port's datagrams would come back.
"""
from __future__ import annotations

import argparse
import socket

import labkit
import udpkit

PORT = 2012
DECOY_PORT = 2013


def tricks(request_id: int) -> list[bytes]:
    """What reaches the client from the server's own port before the genuine reply."""
    # The previous ID: a late reply to the request a sequential client sent before this one.
    earlier = udpkit.encode((request_id - 1) & 0xFFFFFFFF, "AN EARLIER REQUEST'S REPLY")
    return [b"", b"no request ID here", earlier]


def genuine(text: str, secret: str, size: int) -> str:
    reply = f"{text.upper()} {secret}"
    return reply + "." * (size - len(reply))


def serve(port: int, decoy_port: int, secret: str, size: int) -> None:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("", port))
    decoy = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    decoy.bind(("", decoy_port))
    print(f"listening at {udpkit.show(sock.getsockname())}", flush=True)
    while True:
        data, client = sock.recvfrom(udpkit.MAX_DATAGRAM)
        try:
            request_id, text = udpkit.decode(data)
        except ValueError:
            continue
        print(f"from {udpkit.show(client)}: request {request_id:08x} {text!r}", flush=True)
        for trick in tricks(request_id):
            sock.sendto(trick, client)
        decoy.sendto(udpkit.encode(request_id, "A DECOY FROM ANOTHER PORT"), client)
        sock.sendto(udpkit.encode(request_id, genuine(text, secret, size)), client)


def main() -> None:
    parser = argparse.ArgumentParser(description="A UDP server that sends junk, stale and "
                                                 "decoy replies before each genuine one.")
    parser.add_argument("--port", type=labkit.port, default=PORT,
                        help="port (default: %(default)s)")
    parser.add_argument("--decoy-port", type=labkit.port, default=DECOY_PORT,
                        help="where the decoy replies come from (default: %(default)s)")
    parser.add_argument("--secret", default="SECRET",
                        help="a word the genuine reply carries (default: %(default)s)")
    parser.add_argument("--size", type=labkit.positive, default=1,
                        help="pad the genuine reply's text to this many bytes")
    args = parser.parse_args()
    serve(args.port, args.decoy_port, args.secret, args.size)


if __name__ == "__main__":
    labkit.main(main)
