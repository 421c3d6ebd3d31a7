"""Exercise 1, the reference solution: retransmission with exponential backoff, and request
IDs to tell this request's reply from late duplicates."""
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
        print(f"ignoring a stale or foreign reply {reply_id:08x} from {udpkit.show(sender)}")
    return None


def exchange(sock: socket.socket, server: tuple[str, int], request_id: int, text: str,
             args: argparse.Namespace) -> str:
    payload = udpkit.encode(request_id, text)
    deadline = time.monotonic() + args.give_up
    interval = args.initial
    attempt = 0
    while (now := time.monotonic()) < deadline:
        attempt += 1
        if attempt > 1:
            print(f"no reply, sending request {request_id:08x} again (attempt {attempt}, "
                  f"waiting {interval:.1f} s)", flush=True)
        sock.sendto(payload, server)
        reply = receive_reply(sock, server, request_id, min(now + interval, deadline))
        if reply is not None:
            return reply
        interval = min(interval * 2, args.max_interval)
    raise udpkit.GaveUp(f"no reply from {udpkit.show(server)} to request {request_id:08x} "
                        f"after {attempt} attempts in {args.give_up:.1f} s: giving up "
                        "(is the server down?)")
