#!/usr/bin/env python3
"""Exercise 2: a careful client that only believes the server.

YOUR TASK: complete the parts marked TODO (see labs/ch02/README.md, Exercise 2).

    www$ python3 udp_remote.py server --delay 3
    h1$  python3 careful_client.py www "hello"
    h2$  python3 udp_stray.py stray 192.168.1.11 2021 "I am not the server"

Like `udp_stray.py naive`, it binds port 2021 and sends one request; unlike it, it ignores
(and reports) every datagram that does not come from the server's address or does not carry
the request's ID, and keeps waiting for the real reply.
"""
from __future__ import annotations

import argparse
import socket
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # the chapter folder: udpkit
import udpkit  # noqa: E402


def wait_for_reply(sock: socket.socket, server: tuple[str, int], request_id: int,
                   timeout: float) -> str:
    """The text of the server's reply to request_id; strays are reported and skipped.

    Exits with an error (udpkit.fail) if no genuine reply arrives within `timeout` seconds.
    """
    # TODO Exercise 2:
    # recvfrom in a loop until `timeout` runs out: print and skip every datagram whose
    # sender is not `server` or whose ID is not request_id; return the first genuine
    # reply's text; on timeout, udpkit.fail(...).
    raise NotImplementedError("Exercise 2: see labs/ch02/README.md")


def main() -> None:
    parser = argparse.ArgumentParser(description="Ask `udp_remote.py server` once and accept "
                                                 "only its genuine reply.")
    parser.add_argument("host", help="server name or address, e.g. www")
    parser.add_argument("text", nargs="?", default="hello, server?")
    parser.add_argument("--port", type=udpkit.port, default=udpkit.REMOTE_PORT,
                        help="server port (default: %(default)s)")
    parser.add_argument("--bind-port", type=udpkit.port, default=udpkit.STRAY_PORT,
                        help="our own port (default: %(default)s)")
    parser.add_argument("--timeout", type=udpkit.seconds, default=10.0,
                        help="how long to wait (default: %(default)s s)")
    args = parser.parse_args()
    server = udpkit.resolve(args.host, args.port)
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("", args.bind_port))
    request_id = udpkit.new_request_id()
    sock.sendto(udpkit.encode(request_id, args.text), server)
    print(f"asked {udpkit.show(server)} from port {args.bind_port}", flush=True)
    reply = wait_for_reply(sock, server, request_id, args.timeout)
    print(f"reply from {udpkit.show(server)}: {reply}")


if __name__ == "__main__":
    udpkit.run(main)
