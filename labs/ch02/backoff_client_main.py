"""The program around Exercise 1 (exercises/ and solutions/backoff_client.py): the command
line, one request per TEXT, and the one-line error when a request gets no answer. The
student writes receive_reply() and exchange(); main() gets exchange().

Run it through the exercise or the solution, not directly:

    h1$ python3 /labs/ch02/exercises/backoff_client.py www one two three
                                        # against `udp_remote.py server` on www

Each TEXT is one request with its own request ID. When no reply comes within the current
timeout the client sends the same request again and doubles the timeout (0.1 s, 0.2 s, 0.4 s,
... at most --max-interval), so a congested server is not flooded; it gives up once --give-up
seconds have passed for one request. Replies that carry another ID (late duplicates of an
earlier request) or come from another address are ignored.
"""
from __future__ import annotations

import argparse
import socket
from typing import Callable

import udpkit

# exchange(sock, server, request_id, text, args) -> the reply's text, or raises GaveUp
Exchange = Callable[[socket.socket, tuple[str, int], int, str, argparse.Namespace], str]


class GaveUp(Exception):
    """No reply to one request within the give-up time."""


def main(exchange: Exchange) -> None:
    """Run the client with this exchange(), errors as one line (udpkit.run)."""
    udpkit.run(lambda: _client(exchange))


def _client(exchange: Exchange) -> None:
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
