"""Exercise 4: challenge-response authentication with a shared key and HMAC, without TLS.

The server sends a fresh random challenge; the client proves it knows the key by answering
HMAC-SHA256(key, challenge); then it sends one message. The key never crosses the wire and
an answer recorded by an eavesdropper is useless for the next challenge, but nothing is
encrypted: the message is there in clear for anyone on the path.

Protocol, one line each:  S: CHALLENGE <hex>   C: RESPONSE <hex>   S: ACCEPTED | DENIED
then, if accepted:        C: MESSAGE <text>    S: THANKS

The HMAC itself is new_challenge(), answer() and is_valid(), the student's, in
exercises/hmac_auth.py."""

import argparse
import socket

import labkit
import tlslab

student = labkit.answer("hmac_auth")


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
    challenge = student.new_challenge()
    send(sock, "CHALLENGE", challenge.hex())
    try:
        response = bytes.fromhex(expect(sock, "RESPONSE"))
    except ValueError:
        return False
    return student.is_valid(key, challenge, response)


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
                except (OSError, EOFError, ValueError) as exc:
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
        send(sock, "RESPONSE", student.answer(args.key.encode(), challenge).hex())
        verdict = tlslab.read_line(sock)
        print(f"server: {verdict}")
        if verdict != "ACCEPTED":
            labkit.fail("authentication failed")
        send(sock, "MESSAGE", args.message)
        print(f"server: {tlslab.read_line(sock)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("role", choices=["server", "client"])
    parser.add_argument("host", nargs="?", default="",
                        help="client: server to connect to; server: address (default: all)")
    parser.add_argument("--port", type=labkit.port, default=6040,
                        help="TCP port (default: 6040)")
    parser.add_argument("--key", required=True, help="the shared secret key")
    parser.add_argument("--message", default="hello, authenticated but not encrypted",
                        help="client: the message to send once accepted")
    args = parser.parse_args()
    if args.role == "client" and not args.host:
        parser.error("the client needs the server's host name")
    try:
        if args.role == "server":
            serve(args)
        else:
            client(args)
    except (OSError, EOFError, ValueError) as exc:
        labkit.fail(f"{args.host or 'server'}:{args.port}: {tlslab.explain(exc)}")


if __name__ == "__main__":
    labkit.main(main)
