"""The program around Exercise 2 (exercises/ and solutions/careful_client.py): the command
line, binding port 2021, sending the one request and printing the reply. The student writes
wait_for_reply(); main() gets it.

Run it through the exercise or the solution, not directly:

    www$ python3 /labs/ch02/udp_remote.py server --delay 3
    h1$  python3 /labs/ch02/exercises/careful_client.py www "hello"
    h2$  python3 /labs/ch02/udp_stray.py stray 192.168.1.11 2021 "I am not the server"

Like `udp_stray.py naive`, it binds port 2021 and sends one request; unlike it, it ignores
(and reports) every datagram that does not come from the server's address or does not carry
the request's ID, and keeps waiting for the real reply.
"""
from __future__ import annotations

import argparse
import socket
from typing import Callable

import udpkit

# wait_for_reply(sock, server, request_id, timeout) -> the genuine reply's text
WaitForReply = Callable[[socket.socket, tuple[str, int], int, float], str]


def main(wait_for_reply: WaitForReply) -> None:
    """Run the client with this wait_for_reply(), errors as one line (udpkit.run)."""
    udpkit.run(lambda: _client(wait_for_reply))


def _client(wait_for_reply: WaitForReply) -> None:
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
