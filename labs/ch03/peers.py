"""Difficult servers for the exercises' clients: each port misbehaves as real peers may.

The grader runs them; try your clients against them too.

  3030  fixed-size replies in 7-byte pieces that straddle the messages, after a long pause
  3031  fixed-size replies, cut off after --cut bytes
  3032  reads everything, never answers, never closes
  3033  says a line (--say), echoes in capitals, and a moment after the client's EOF says
        it again
  3034  echoes in capitals, then resets the connection after --reset-after bytes
"""
import argparse
import socket
import struct
import threading
import time

import labkit
from tcpkit import listen, small_buffers

STRADDLE_PORT, CUT_PORT, SILENT_PORT, ECHO_PORT, RESET_PORT = 3030, 3031, 3032, 3033, 3034
SIZE = 16      # fixed_client.py's messages
PIECE = 7      # not a divisor of SIZE: the pieces cross the boundaries between replies
GOODBYE = 0.3  # seconds 3033 waits after the echo: a client that stops reading early is gone


def replies_after_requests(conn, args):
    """The replies, once every request has come in (one per reply): a buffered file's
    read(n) loops over recv()."""
    with conn.makefile("rb") as stream:
        stream.read(SIZE * len(args.replies))
    return b"".join(reply.encode().ljust(SIZE) for reply in args.replies)


def straddle(conn, args):
    replies = replies_after_requests(conn, args)
    conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)   # one piece, one segment
    for i in range(0, len(replies), PIECE):
        conn.sendall(replies[i:i + PIECE])
        time.sleep(args.pause if i == 0 else 0.01)   # a slow start, then a trickle


def cut(conn, args):
    conn.sendall(replies_after_requests(conn, args)[:args.cut])


def silent(conn, args):
    while conn.recv(65536):
        pass
    threading.Event().wait()   # and after the client's EOF, still nothing: hang


def echo_between(conn, args):
    """More than an echo: the client must read until EOF, not count what it sent."""
    line = args.say.encode() + b"\n"
    conn.sendall(line)
    while data := conn.recv(65536):
        conn.sendall(data.upper())
    time.sleep(GOODBYE)
    conn.sendall(line)


def reset(conn, args):
    received = 0
    while received < args.reset_after and (data := conn.recv(65536)):
        conn.sendall(data.upper())
        received += len(data)
    # linger 0: close() throws the connection away with a RST, as a crashing server does
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def accept_forever(sock, handle, args):
    """Each client in a thread of its own, so one that hangs does not block the next."""
    while True:
        conn, peer = sock.accept()
        threading.Thread(target=session, args=(conn, peer, handle, args), daemon=True).start()


def session(conn, peer, handle, args):
    with conn:
        try:
            handle(conn, args)
            print(f"{peer[0]}:{peer[1]}: {handle.__name__} done", flush=True)
        except OSError as exc:
            print(f"{peer[0]}:{peer[1]}: {handle.__name__}: {exc}", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="\n".join(__doc__.splitlines()[4:]))
    parser.add_argument("replies", nargs="+",
                        help="the replies of ports 3030 and 3031, one per request")
    parser.add_argument("--pause", type=labkit.seconds, default=0.7,
                        help="3030's pause after its first piece (default %(default)s)")
    parser.add_argument("--cut", type=labkit.positive, default=20,
                        help="3031 hangs up after this many bytes (default %(default)s)")
    parser.add_argument("--say", default="hello again",
                        help="3033's line before and after the echo (default %(default)r)")
    parser.add_argument("--reset-after", type=labkit.positive, default=100_000,
                        help="3034's bytes before the RST (default %(default)s)")
    args = parser.parse_args()
    handlers = {STRADDLE_PORT: straddle, CUT_PORT: cut, SILENT_PORT: silent,
                ECHO_PORT: echo_between, RESET_PORT: reset}
    sockets = {port: listen("", port) for port in handlers}   # all bound before any serves
    for port, sock in sockets.items():
        small_buffers(sock)   # as deadlock.py's server: a client that does not read stalls
        threading.Thread(target=accept_forever, args=(sock, handlers[port], args),
                         daemon=True).start()
    print(f"listening on ports {min(handlers)}-{max(handlers)}", flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    labkit.main(main)
