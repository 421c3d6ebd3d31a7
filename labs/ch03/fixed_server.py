"""Fixed-length messages: every request and every reply is exactly 16 bytes.

The server reads requests through sock.makefile(), whose read(16) keeps reading until it has
16 bytes; it answers each one in capitals. --dribble sends each reply one byte per TCP segment,
so a client that trusts a single recv() gets a piece; --cut N hangs up after N reply bytes.
"""
import argparse
import socket
import time

import labkit
from tcpkit import listen, serve_forever

SIZE = 16
PORT = 3000


def send_reply(conn, reply, dribble):
    if not dribble:
        conn.sendall(reply)
        return
    conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)   # one byte, one segment
    for i in range(len(reply)):
        conn.sendall(reply[i:i + 1])
        time.sleep(0.01)


def hang_up(conn):
    """EOF for the client now; then wait for it to close, reading what it still sends, so
    that closing with unread requests does not turn the FIN into a RST."""
    conn.shutdown(socket.SHUT_WR)
    while conn.recv(65536):
        pass


def handler(dribble, cut):
    def handle(conn, peer):
        stream = conn.makefile("rb")   # a buffered file: read(n) loops over recv() for us
        sent = 0
        while True:
            message = stream.read(SIZE)
            if len(message) < SIZE:    # b"" is a clean end; anything shorter is a broken peer
                print(f"{peer[0]}:{peer[1]}: closed" + (f" mid-message ({len(message)} bytes)"
                                                        if message else ""), flush=True)
                return
            print(f"{peer[0]}:{peer[1]}: {message!r}", flush=True)
            reply = message.upper()
            if cut is not None and sent + SIZE > cut:
                send_reply(conn, reply[:cut - sent], dribble)
                print(f"{peer[0]}:{peer[1]}: cut after {cut} reply bytes", flush=True)
                hang_up(conn)
                return
            send_reply(conn, reply, dribble)
            sent += SIZE
    return handle


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=labkit.port, default=PORT,
                        help="default %(default)s")
    parser.add_argument("--dribble", action="store_true", help="send replies byte by byte")
    parser.add_argument("--cut", type=int, metavar="N", help="hang up after N reply bytes")
    args = parser.parse_args()
    if args.cut is not None and args.cut < 0:
        parser.error("--cut must be 0 or more")
    serve_forever(listen("", args.port), handler(args.dribble, args.cut))


if __name__ == "__main__":
    labkit.main(main)
