"""Exercise 1, wrong: receive_reply() gives up at the first datagram that is not the reply
instead of waiting until its deadline, so every stray or stale datagram makes the client
send its request again at once."""
from __future__ import annotations

import argparse
import socket
import time

import udpkit


def receive_reply(sock: socket.socket, server: tuple[str, int], request_id: int,
                  until: float) -> str | None:
    sock.settimeout(max(until - time.monotonic(), 0.001))
    try:
        data, sender = sock.recvfrom(udpkit.MAX_DATAGRAM)
        reply_id, text = udpkit.decode(data)
    except (socket.timeout, ValueError):
        return None
    return text if sender == server and reply_id == request_id else None


def exchange(sock: socket.socket, server: tuple[str, int], request_id: int, text: str,
             args: argparse.Namespace) -> str:
    deadline = time.monotonic() + args.give_up
    interval = args.initial
    while (now := time.monotonic()) < deadline:
        sock.sendto(udpkit.encode(request_id, text), server)
        reply = receive_reply(sock, server, request_id, min(now + interval, deadline))
        if reply is not None:
            return reply
        interval = min(interval * 2, args.max_interval)
    raise udpkit.GaveUp(f"no reply from {udpkit.show(server)} in {args.give_up} s")
