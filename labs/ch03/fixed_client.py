"""Exercise 1's program: the client of fixed_server.py. Each word goes out as one 16-byte
message, all of them at once; the 16-byte replies come back as one byte stream, and
recvall() (the student's, in exercises/fixed_client.py) takes them out one by one: one recv()
may return any part of a reply, or the end of one and the start of the next."""
import argparse
import socket

import labkit

SIZE = 16
PORT = 3000
recvall = labkit.answer("fixed_client").recvall


def to_message(word):
    data = word.encode("utf-8")
    if len(data) > SIZE:
        labkit.fail(f"{word!r} is longer than {SIZE} bytes")
    return data.ljust(SIZE)   # pad with spaces to the fixed size


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("host", help="where fixed_server.py runs, e.g. www")
    parser.add_argument("words", nargs="+", help="one message per word (at most 16 bytes)")
    parser.add_argument("--port", type=labkit.port, default=PORT, help="default %(default)s")
    parser.add_argument("--timeout", type=labkit.seconds, default=10,
                        help="give up on a server silent this long (default %(default)s s)")
    args = parser.parse_args()
    messages = [to_message(w) for w in args.words]
    with socket.create_connection((args.host, args.port), timeout=args.timeout) as sock:
        sock.sendall(b"".join(messages))   # no need to wait: the replies come back in order
        for _ in messages:
            try:
                reply = recvall(sock, SIZE)
            except EOFError as exc:   # the server hung up mid-conversation
                labkit.fail(str(exc))
            print(reply.decode("utf-8", "replace").rstrip())


if __name__ == "__main__":
    labkit.main(main)
