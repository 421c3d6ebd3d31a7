#!/usr/bin/env python3
"""Exercise 4: challenge-response authentication with a shared key and HMAC, without TLS.

The server sends a fresh random challenge; the client proves it knows the key by answering
HMAC-SHA256(key, challenge); then it sends one message. The key never crosses the wire and
an answer recorded by an eavesdropper is useless for the next challenge, but nothing is
encrypted: the message is there in clear for anyone on the path.

Protocol, one line each:  S: CHALLENGE <hex>   C: RESPONSE <hex>   S: ACCEPTED | DENIED
then, if accepted:        C: MESSAGE <text>    S: THANKS"""

import argparse
import hashlib  # noqa: F401 (for your code)
import hmac  # noqa: F401 (for your code)
import secrets  # noqa: F401 (for your code)
import socket
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the chapter's tlslab
import tlslab  # noqa: E402


def new_challenge():
    """A challenge no one can predict and that never repeats: 32 random bytes."""
    # TODO Exercise 4: Unpredictable, never repeating bytes (which module is for secrets?).
    raise NotImplementedError("Exercise 4: see labs/ch06/README.md")


def answer(key, challenge):
    """The client's proof that it knows key: HMAC-SHA256(key, challenge)."""
    # TODO Exercise 4: HMAC-SHA256 of the challenge under key, as bytes.
    raise NotImplementedError("Exercise 4: see labs/ch06/README.md")


def is_valid(key, challenge, response):
    """Does response prove knowledge of key for this challenge?"""
    # TODO Exercise 4: Compare with the expected answer, in constant time.
    raise NotImplementedError("Exercise 4: see labs/ch06/README.md")


def expect(sock, keyword):
    """Read one line "KEYWORD rest" and return rest; anything else is a protocol error."""
    line = tlslab.read_line(sock)
    word, _, rest = line.partition(" ")
    if word != keyword:
        raise ValueError(f"expected {keyword}, got {line[:60]!r}")
    return rest


def send(sock, *words):
    sock.sendall((" ".join(words) + "\n").encode())


def authenticate(sock, key):
    """Server side of one connection: True if the client answered the challenge."""
    challenge = new_challenge()
    send(sock, "CHALLENGE", challenge.hex())
    try:
        response = bytes.fromhex(expect(sock, "RESPONSE"))
    except ValueError:
        return False
    return is_valid(key, challenge, response)


def serve(args):
    key = args.key.encode()
    with tlslab.listen(args.host, args.port) as listener:
        print(f"HMAC server on {args.host or '*'}:{args.port}", flush=True)
        while True:
            conn, (ip, port) = listener.accept()
            with conn:
                conn.settimeout(tlslab.TIMEOUT)
                try:
                    converse(conn, key, f"{ip}:{port}")
                except (OSError, ValueError) as exc:
                    print(f"{ip}:{port}: dropped: {tlslab.explain(exc)}", flush=True)


def converse(conn, key, where):
    if not authenticate(conn, key):
        send(conn, "DENIED")
        print(f"{where}: DENIED", flush=True)
        return
    send(conn, "ACCEPTED")
    message = expect(conn, "MESSAGE")
    print(f"{where}: ACCEPTED, message {message!r}", flush=True)
    send(conn, "THANKS")


def client(args):
    with socket.create_connection((args.host, args.port), timeout=tlslab.TIMEOUT) as sock:
        challenge = bytes.fromhex(expect(sock, "CHALLENGE"))
        send(sock, "RESPONSE", answer(args.key.encode(), challenge).hex())
        verdict = tlslab.read_line(sock)
        print(f"server: {verdict}")
        if verdict != "ACCEPTED":
            tlslab.die("authentication failed")
        send(sock, "MESSAGE", args.message)
        print(f"server: {tlslab.read_line(sock)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("role", choices=["server", "client"])
    parser.add_argument("host", nargs="?", default="",
                        help="client: server to connect to; server: address (default: all)")
    parser.add_argument("--port", type=tlslab.port_number, default=6040,
                        help="TCP port (default: 6040)")
    parser.add_argument("--key", required=True, help="the shared secret key")
    parser.add_argument("--message", default="hello, authenticated but not encrypted",
                        help="client: the message to send once accepted")
    args = parser.parse_args()
    if args.role == "client" and not args.host:
        parser.error("the client needs the server's host name")
    try:
        (serve if args.role == "server" else client)(args)
    except KeyboardInterrupt:
        print("stopped")
    except (OSError, ValueError) as exc:
        tlslab.die(f"{args.host or 'server'}:{args.port}: {tlslab.explain(exc)}")


if __name__ == "__main__":
    main()
