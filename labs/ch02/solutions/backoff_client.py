#!/usr/bin/env python3
"""Exercise 1: a UDP client that survives a lossy link.

    h1$ python3 backoff_client.py www one two three     # against `udp_remote.py server` on www

Each TEXT is one request with its own request ID. When no reply comes within the current
timeout the client sends the same request again and doubles the timeout (0.1 s, 0.2 s, 0.4 s,
... at most --max-interval), so a congested server is not flooded; it gives up once --give-up
seconds have passed for one request. Replies that carry another ID (late duplicates of an
earlier request) or come from another address are ignored.
"""
from __future__ import annotations

import argparse
import socket
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # the chapter folder: udpkit
import udpkit  # noqa: E402


class GaveUp(Exception):
    """No reply to one request within the give-up time."""


def receive_reply(sock: socket.socket, server: tuple[str, int], request_id: int,
                  until: float) -> str | None:
    """The text of the reply to request_id, or None if none arrives before `until`.

    `until` is a time.monotonic() value. Datagrams from anyone but the server, and replies
    to other requests, are skipped.
    """
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
    """Send one request until its reply arrives, with exponential backoff; GaveUp if never."""
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


def main() -> None:
    parser = argparse.ArgumentParser(description="Send requests to `udp_remote.py server`, "
                                                 "retransmitting with exponential backoff.")
    parser.add_argument("host", help="server name or address, e.g. www")
    parser.add_argument("texts", nargs="+", metavar="TEXT", help="one request per TEXT")
    parser.add_argument("--port", type=udpkit.port, default=udpkit.REMOTE_PORT,
                        help="server port (default: %(default)s)")
    parser.add_argument("--initial", type=udpkit.seconds, default=0.1,
                        help="first timeout (default: %(default)s s)")
    parser.add_argument("--max-interval", type=udpkit.seconds, default=2.0,
                        help="longest timeout (default: %(default)s s)")
    parser.add_argument("--give-up", type=udpkit.seconds, default=5.0,
                        help="give up on a request after this long (default: %(default)s s)")
    args = parser.parse_args()
    server = udpkit.resolve(args.host, args.port)
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    first_id = udpkit.new_request_id()
    for number, text in enumerate(args.texts):
        try:
            reply = exchange(sock, server, (first_id + number) & 0xFFFFFFFF, text, args)
        except GaveUp as exc:
            udpkit.fail(str(exc))
        print(f"reply: {reply}", flush=True)


if __name__ == "__main__":
    udpkit.run(main)
