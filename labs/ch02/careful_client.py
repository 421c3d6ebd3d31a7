"""Exercise 2's program: bind port 2021, send one request to `udp_remote.py server` and print
the reply that wait_for_reply() (the student's, in exercises/careful_client.py) accepts.

    www$ python3 /labs/ch02/udp_remote.py server --delay 3
    h1$  python3 /labs/ch02/careful_client.py www "hello"
    h2$  python3 /labs/ch02/udp_stray.py stray 192.168.1.11 2021 "I am not the server"

Like `udp_stray.py naive`, it binds port 2021 and sends one request; unlike it, it ignores
(and reports) every datagram that does not come from the server's address or does not carry
the request's ID, and keeps waiting for the real reply.
"""
import argparse
import socket

import labkit
import udpkit

wait_for_reply = labkit.answer("careful_client").wait_for_reply


def main() -> None:
    parser = argparse.ArgumentParser(description="Ask `udp_remote.py server` once and accept "
                                                 "only its genuine reply.")
    parser.add_argument("host", help="server name or address, e.g. www")
    parser.add_argument("text", nargs="?", default="hello, server?")
    parser.add_argument("--port", type=labkit.port, default=udpkit.REMOTE_PORT,
                        help="server port (default: %(default)s)")
    parser.add_argument("--bind-port", type=labkit.port, default=udpkit.STRAY_PORT,
                        help="our own port (default: %(default)s)")
    parser.add_argument("--timeout", type=labkit.seconds, default=10.0,
                        help="how long to wait (default: %(default)s s)")
    args = parser.parse_args()
    server = udpkit.resolve(args.host, args.port)
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("", args.bind_port))   # a known port: the one a stray sender aims at
    request_id = udpkit.new_request_id()
    sock.sendto(udpkit.encode(request_id, args.text), server)
    print(f"asked {udpkit.show(server)} from port {args.bind_port}", flush=True)
    reply = wait_for_reply(sock, server, request_id, args.timeout)
    print(f"reply from {udpkit.show(server)}: {reply}")


if __name__ == "__main__":
    labkit.main(main)
