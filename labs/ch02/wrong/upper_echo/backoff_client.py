"""Exercise 1, wrong: a cheat that retransmits properly but prints the request in capitals
instead of the server's reply, since "the server only capitalises"."""
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
            _, sender = sock.recvfrom(udpkit.MAX_DATAGRAM)
        except socket.timeout:
            return None
        if sender == server:
            return "ok"
    return None


def exchange(sock: socket.socket, server: tuple[str, int], request_id: int, text: str,
             args: argparse.Namespace) -> str:
    deadline = time.monotonic() + args.give_up
    interval = args.initial
    while (now := time.monotonic()) < deadline:
        sock.sendto(udpkit.encode(request_id, text), server)
        if receive_reply(sock, server, request_id, min(now + interval, deadline)):
            return text.upper()
        interval = min(interval * 2, args.max_interval)
    raise udpkit.GaveUp(f"no reply from {udpkit.show(server)} in {args.give_up} s")
