"""A peer that frames its messages awkwardly, for the grader of Exercise 1 (and for you, to
try your lenframe.py before it does). Frames are lenframe.py's: a '!I' length, then the bytes.

    python3 /labs/ch05/awkward_peer.py client www --port 5010 --payload hi   # try a server
    python3 /labs/ch05/awkward_peer.py server --modes lie,cut            # on www, port 5012

client: three connections to the server being tried, one after the other:
  header-cut   two bytes of a header, then the client closes its side;
  payload-cut  a header announcing 1000 bytes, 10 of them, then the client closes its side;
  dribble      a 3072-byte frame whose header comes in three writes and whose payload in two,
               a moment apart, the second one joined with a whole frame (--payload) and the
               end marker: a reader must loop, and must not read past a frame's end.
  Prints one line per connection: what came back, and whether the server closed.
server: answers the connections in turn as --modes says, cycling:
  lie  replies to each message with a made-up line, '<length> bytes, sha256 <--lie> <n>',
       its header in two writes and its payload in two, a moment apart;
  cut  replies to the first message with a header announcing 64 bytes, sends 10, and closes.
"""
import argparse
import itertools
import os
import socket
import struct
import time

import labkit
from wire import recv_into_exactly, recv_until_close

PORT = 5012
HEADER = struct.Struct("!I")
PAUSE = 0.2   # long enough that each write arrives on its own, before the next is sent
LARGEST = 1 << 24   # a header announcing more is a broken client, not a big message


def frame(payload):
    return HEADER.pack(len(payload)) + payload


def send_in_pieces(sock, *pieces):
    """Each piece in its own write, a pause after each but the last."""
    for n, piece in enumerate(pieces):
        if n:
            time.sleep(PAUSE)
        sock.sendall(piece)


def recv_frame(sock):
    """One frame's payload, read with the chapter's own exact-read helper."""
    header = bytearray(HEADER.size)
    recv_into_exactly(sock, memoryview(header))
    (length,) = HEADER.unpack(header)
    if length > LARGEST:
        raise ValueError(f"a header announcing {length} bytes: {bytes(header).hex(' ')}")
    payload = bytearray(length)
    recv_into_exactly(sock, memoryview(payload))
    return bytes(payload)


# --- client: the cases a server must survive -----------------------------------------------

def header_cut(sock, _payload):
    sock.sendall(HEADER.pack(1000)[:2])


def payload_cut(sock, _payload):
    sock.sendall(HEADER.pack(1000) + os.urandom(10))


def dribble(sock, payload):
    big = frame(os.urandom(3072))
    send_in_pieces(sock, big[:1], big[1:3], big[3:4], big[4:1004],
                   big[1004:] + frame(payload) + frame(b""))


def try_case(host, port, send, payload, timeout):
    """Run one case on a fresh connection: what came back before the server closed."""
    try:
        with socket.create_connection((host, port), timeout=timeout) as sock:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)   # no coalescing
            send(sock, payload)
            sock.shutdown(socket.SHUT_WR)
            reply = recv_until_close(sock)
        return f"{len(reply)} bytes back, then the server closed"
    except OSError as exc:   # a timeout, refused, reset: the line says which
        return f"failed: {type(exc).__name__}: {exc.strerror or exc}"


def client(args):
    cases = {"header-cut": header_cut, "payload-cut": payload_cut, "dribble": dribble}
    for name, send in cases.items():
        outcome = try_case(args.host, args.port, send, args.payload.encode(), args.timeout)
        print(f"{name}: {outcome}", flush=True)


# --- server: the replies a client must read correctly, or refuse ---------------------------

def lie(conn, text):
    for n in itertools.count(1):
        payload = recv_frame(conn)
        if not payload:
            return
        reply = frame(f"{len(payload)} bytes, sha256 {text} {n}".encode())
        send_in_pieces(conn, reply[:2], reply[2:6], reply[6:])


def cut(conn, _text):
    recv_frame(conn)
    conn.sendall(HEADER.pack(64) + b"0123456789")


def server(args):
    listener = socket.create_server(("", args.port))
    print(f"awkward server on port {args.port}, modes {','.join(args.modes)}", flush=True)
    for n in itertools.count():
        conn, peer = listener.accept()
        mode = args.modes[n % len(args.modes)]
        with conn:
            try:
                {"lie": lie, "cut": cut}[mode](conn, args.lie)
            except (OSError, EOFError, ValueError) as exc:
                print(f"{peer[0]}:{peer[1]} ({mode}): {type(exc).__name__}: {exc}", flush=True)
        print(f"{peer[0]}:{peer[1]}: served as {mode}", flush=True)


def modes(text):
    names = text.split(",")
    if not set(names) <= {"lie", "cut"}:
        raise argparse.ArgumentTypeError(f"{text!r}: modes are lie and cut, comma-separated")
    return names


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("role", choices=["server", "client"])
    parser.add_argument("host", nargs="?", help="client: the server being tried")
    parser.add_argument("--port", type=labkit.port, default=PORT,
                        help=f"client: the server's port; server: where to listen ({PORT})")
    parser.add_argument("--payload", default="hello", help="client: the whole frame's text")
    parser.add_argument("--timeout", type=labkit.seconds, default=3.0,
                        help="client: how long to wait for the server, per connection")
    parser.add_argument("--modes", type=modes, default=["lie"], help="server: lie, cut")
    parser.add_argument("--lie", default="0123456789abcdef", help="server: the made-up digest")
    args = parser.parse_args()
    if args.role == "client" and not args.host:
        parser.error("the client needs the server's host name")
    (client if args.role == "client" else server)(args)


if __name__ == "__main__":
    labkit.main(main)
