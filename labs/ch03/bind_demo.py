"""Which interface a server binds decides who can reach it.

Bound to 127.0.0.1 it is reachable only from the same host: a SYN from elsewhere is answered
with a RST ("connection refused"). Bound to 0.0.0.0 (every interface) anyone can connect.
"""
import socket

import labkit
from tcpkit import listen, serve_forever

PORT = 3020


def greet(conn, peer):
    me = conn.getsockname()
    conn.sendall(f"hello {peer[0]}, this is {me[0]}:{me[1]}\n".encode())
    print(f"{peer[0]}:{peer[1]}: greeted", flush=True)


def main():
    parser = labkit.roles(__doc__, PORT, host="www")
    parser.add_argument("--bind", default="127.0.0.1", help="server address (default %(default)s)")
    args = labkit.parse_roles(parser)
    if args.role == "server":
        serve_forever(listen(args.bind, args.port), greet)
        return
    with socket.create_connection((args.host, args.port), timeout=5) as sock:
        with sock.makefile("r") as infile:
            print(infile.readline(), end="")


if __name__ == "__main__":
    labkit.main(main)
