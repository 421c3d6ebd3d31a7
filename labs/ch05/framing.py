#!/usr/bin/env python3
"""Two ways to mark where a message ends on a TCP stream: by closing, or by a delimiter.

    python3 /labs/ch05/framing.py server --mode close            # on www
    python3 /labs/ch05/framing.py client www --mode close one two three
    python3 /labs/ch05/framing.py server --mode delim            # on www
    python3 /labs/ch05/framing.py client www --mode delim one two three

close: the client sends everything, then shuts down its sending side (FIN); the server reads
until end-of-file, answers, and closes in turn (another FIN). One message per direction.
delim: each message ends with a newline, so one connection carries many; a message may not
contain the delimiter itself.
"""
import socket

import labkit
from wire import records, recv_until_close, serve_forever, talking_to

PORT = 5000


def parse_args():
    parser = labkit.roles(__doc__, PORT, timeout=10.0)
    parser.add_argument("messages", nargs="*", help="messages to send (client only)")
    parser.add_argument("--mode", choices=["close", "delim"], default="close")
    args = labkit.parse_roles(parser)
    if args.role == "client" and any("\n" in m for m in args.messages) and args.mode == "delim":
        parser.error("with --mode delim a message cannot contain the delimiter (newline)")
    return args


def serve_close(conn, peer):
    data = recv_until_close(conn)
    print(f"{peer[0]}:{peer[1]} sent {len(data)} bytes, then closed its side: {data[:60]!r}",
          flush=True)
    conn.sendall(f"received {len(data)} bytes\n".encode())
    # Leaving the handler closes the socket: our FIN tells the client the reply is complete.


def serve_delim(conn, peer):
    for n, record in enumerate(records(conn), 1):
        print(f"{peer[0]}:{peer[1]} message {n}: {record!r}", flush=True)
        conn.sendall(f"message {n}: {len(record)} bytes\n".encode())


def client(args):
    with talking_to(args.host, args.port):
        sock = socket.create_connection((args.host, args.port), timeout=args.timeout)
        with sock:
            if args.mode == "close":
                sock.sendall(" ".join(args.messages).encode())
                sock.shutdown(socket.SHUT_WR)   # "I am done": the server's recv() returns b''
                print(recv_until_close(sock).decode().rstrip())
                return
            for message in args.messages:
                sock.sendall(message.encode() + b"\n")
            sock.shutdown(socket.SHUT_WR)
            for reply in records(sock):
                print(reply.decode())


def main():
    args = parse_args()
    if args.role == "server":
        handler = serve_close if args.mode == "close" else serve_delim
        serve_forever(args.port, handler, f"framing server ({args.mode})")
    else:
        client(args)


if __name__ == "__main__":
    labkit.main(main)
