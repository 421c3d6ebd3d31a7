#!/usr/bin/env python3
"""Client of fixed_server.py: send each word as a 16-byte message, print each 16-byte reply.

TCP delivers a byte stream, not messages: one recv() may return any part of a reply, so
recvall() loops until it has the whole message (Exercise 1).
"""
import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # the chapter's tcpkit.py
from tcpkit import connect, fail, port_number  # noqa: E402

SIZE = 16
PORT = 3000


def recvall(sock, length):
    """Exactly `length` bytes from sock; EOFError if the peer closes before that."""
    data = b""
    while len(data) < length:
        more = sock.recv(length - len(data))
        if not more:   # b"" means the peer closed: no more bytes will ever come
            raise EOFError(f"connection closed after {len(data)} of {length} bytes")
        data += more
    return data


def to_message(word):
    data = word.encode("utf-8")
    if len(data) > SIZE:
        fail(f"{word!r} is longer than {SIZE} bytes")
    return data.ljust(SIZE)   # pad with spaces to the fixed size


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("host", help="where fixed_server.py runs, e.g. www")
    parser.add_argument("words", nargs="+", help="one message per word (at most 16 bytes)")
    parser.add_argument("--port", type=port_number, default=PORT,
                        help="default %(default)s")
    args = parser.parse_args()
    messages = [to_message(w) for w in args.words]
    with connect(args.host, args.port) as sock:
        for message in messages:
            try:
                sock.sendall(message)
                reply = recvall(sock, SIZE)
            except (EOFError, OSError) as exc:
                fail(str(exc))
            print(reply.decode("utf-8", "replace").rstrip())


if __name__ == "__main__":
    main()
