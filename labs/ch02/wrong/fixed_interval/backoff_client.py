"""Exercise 1, wrong: retransmits every --initial seconds without ever backing off, flooding
a server that is merely slow or congested."""
from __future__ import annotations

import argparse
import socket
import time

import udpkit


def receive_reply(sock: socket.socket, server: tuple[str, int], request_id: int,
                  until: float) -> str | None:
    while (left := until - time.monotonic()) > 0:
        sock.settimeout(left)
        try:
            data, sender = sock.recvfrom(udpkit.MAX_DATAGRAM)
        except socket.timeout:
            return None
        try:
            reply_id, text = udpkit.decode(data)
        except ValueError:
            continue
        if sender == server and reply_id == request_id:
            return text
    return None


def exchange(sock: socket.socket, server: tuple[str, int], request_id: int, text: str,
             args: argparse.Namespace) -> str:
    deadline = time.monotonic() + args.give_up
    while (now := time.monotonic()) < deadline:
        sock.sendto(udpkit.encode(request_id, text), server)
        reply = receive_reply(sock, server, request_id, min(now + args.initial, deadline))
        if reply is not None:
            return reply
    raise udpkit.GaveUp(f"no reply from {udpkit.show(server)} in {args.give_up} s")
