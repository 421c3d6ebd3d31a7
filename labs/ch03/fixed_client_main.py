"""The client program around Exercise 1, shared by exercises/fixed_client.py and
solutions/fixed_client.py: each of them writes recvall() and calls main(recvall=recvall).

Client of fixed_server.py: send each word as a 16-byte message, print each 16-byte reply.
TCP delivers a byte stream, not messages: one recv() may return any part of a reply, so
recvall() loops until it has the whole message.
"""
import argparse

from tcpkit import connect, fail, port_number

DESCRIPTION = ("Client of fixed_server.py: send each word as a 16-byte message, "
               "print each 16-byte reply.")
SIZE = 16
PORT = 3000


def to_message(word):
    data = word.encode("utf-8")
    if len(data) > SIZE:
        fail(f"{word!r} is longer than {SIZE} bytes")
    return data.ljust(SIZE)   # pad with spaces to the fixed size


def main(recvall):
    """Parse the command line, then per word: sendall() it, recvall(sock, SIZE), print."""
    parser = argparse.ArgumentParser(description=DESCRIPTION)
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
