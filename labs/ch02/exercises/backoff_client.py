#!/usr/bin/env python3
"""Exercise 1: a UDP client that survives a lossy link.

YOUR TASK: complete the parts marked TODO (see labs/ch02/README.md, Exercise 1).

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
    # TODO Exercise 1:
    # Wait (sock.settimeout + recvfrom) until the monotonic time `until`; skip datagrams
    # not from `server` and replies whose ID (udpkit.decode) is not request_id.
    raise NotImplementedError("Exercise 1: see labs/ch02/README.md")


def exchange(sock: socket.socket, server: tuple[str, int], request_id: int, text: str,
             args: argparse.Namespace) -> str:
    """Send one request until its reply arrives, with exponential backoff; GaveUp if never."""
    # TODO Exercise 1:
    # Send udpkit.encode(request_id, text) with sock.sendto; wait args.initial seconds
    # for the reply (receive_reply); if none came, send the SAME request again and wait
    # twice as long (at most args.max_interval); raise GaveUp once args.give_up seconds
    # have passed since the first send.
    raise NotImplementedError("Exercise 1: see labs/ch02/README.md")


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
