#!/usr/bin/env python3
"""Exercise 1, a reference solution: retransmission with exponential backoff, and request IDs
to tell this request's reply from late duplicates. The program around these two functions
is ../backoff_client_main.py.
"""
from __future__ import annotations

import argparse
import socket
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # the chapter folder
import udpkit  # noqa: E402
from backoff_client_main import GaveUp, main  # noqa: E402


def receive_reply(sock: socket.socket, server: tuple[str, int], request_id: int,
                  until: float) -> str | None:
    """The reply to request_id before `until`, else None; strays and stale replies skipped."""
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
        print(f"ignoring a stale or foreign reply {reply_id:08x} from {udpkit.show(sender)}",
              file=sys.stderr)
    return None


def exchange(sock: socket.socket, server: tuple[str, int], request_id: int, text: str,
             args: argparse.Namespace) -> str:
    """The same request again and again, each wait twice the last, until a reply or GaveUp."""
    payload = udpkit.encode(request_id, text)
    deadline = time.monotonic() + args.give_up
    interval = args.initial
    attempt = 0
    while (now := time.monotonic()) < deadline:
        attempt += 1
        if attempt > 1:
            print(f"no reply, sending request {request_id:08x} again (attempt {attempt}, "
                  f"waiting {interval:.1f} s)", file=sys.stderr)
        sock.sendto(payload, server)
        reply = receive_reply(sock, server, request_id, min(now + interval, deadline))
        if reply is not None:
            return reply
        interval = min(interval * 2, args.max_interval)
    raise GaveUp(f"no reply from {udpkit.show(server)} to request {request_id:08x} after "
                 f"{attempt} attempts in {args.give_up:.1f} s: giving up (is the server down?)")


if __name__ == "__main__":
    main(exchange)
