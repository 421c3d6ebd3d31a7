"""Exercise 4: challenge-response authentication with a shared key and HMAC, without TLS.

The server sends a fresh random challenge; the client proves it knows the key by answering
HMAC-SHA256(key, challenge); then it sends one message. The key never crosses the wire and
an answer recorded by an eavesdropper is useless for the next challenge, but nothing is
encrypted: the message is there in clear for anyone on the path.

Protocol, one line each:  S: CHALLENGE <hex>   C: RESPONSE <hex>   S: ACCEPTED | DENIED
then, if accepted:        C: MESSAGE <text>    S: THANKS

This is the given part of exercises/hmac_auth.py (and solutions/hmac_auth.py): arguments,
sockets and the protocol. Those files hold only the three HMAC functions and hand them to
main()."""

import argparse
import socket

import tlslab


def expect(sock, keyword):
    """Read one line "KEYWORD rest" and return rest; anything else is a protocol error."""
    line = tlslab.read_line(sock)
    word, _, rest = line.partition(" ")
    if word != keyword:
        raise ValueError(f"expected {keyword}, got {line[:60]!r}")
    return rest


def send(sock, *words):
    sock.sendall((" ".join(words) + "\n").encode())


def authenticate(sock, key, new_challenge, is_valid):
    """Server side of one connection: True if the client answered the challenge."""
    challenge = new_challenge()
    send(sock, "CHALLENGE", challenge.hex())
    try:
        response = bytes.fromhex(expect(sock, "RESPONSE"))
    except ValueError:
        return False
    return is_valid(key, challenge, response)


def serve(args, new_challenge, is_valid):
    key = args.key.encode()
    with tlslab.listen(args.host, args.port) as listener:
        print(f"HMAC server on {args.host or '*'}:{args.port}", flush=True)
        while True:
            conn, (ip, port) = listener.accept()
            with conn:
                conn.settimeout(tlslab.TIMEOUT)
                try:
                    converse(conn, key, f"{ip}:{port}", new_challenge, is_valid)
                except (OSError, ValueError) as exc:
                    print(f"{ip}:{port}: dropped: {tlslab.explain(exc)}", flush=True)


def converse(conn, key, where, new_challenge, is_valid):
    if not authenticate(conn, key, new_challenge, is_valid):
        send(conn, "DENIED")
        print(f"{where}: DENIED", flush=True)
        return
    send(conn, "ACCEPTED")
    message = expect(conn, "MESSAGE")
    print(f"{where}: ACCEPTED, message {message!r}", flush=True)
    send(conn, "THANKS")


def client(args, answer):
    with socket.create_connection((args.host, args.port), timeout=tlslab.TIMEOUT) as sock:
        challenge = bytes.fromhex(expect(sock, "CHALLENGE"))
        send(sock, "RESPONSE", answer(args.key.encode(), challenge).hex())
        verdict = tlslab.read_line(sock)
        print(f"server: {verdict}")
        if verdict != "ACCEPTED":
            tlslab.die("authentication failed")
        send(sock, "MESSAGE", args.message)
        print(f"server: {tlslab.read_line(sock)}")


def main(new_challenge, answer, is_valid):
    """Run the server or the client with the three HMAC functions of the exercise."""
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
        if args.role == "server":
            serve(args, new_challenge, is_valid)
        else:
            client(args, answer)
    except KeyboardInterrupt:
        print("stopped")
    except (OSError, ValueError) as exc:
        tlslab.die(f"{args.host or 'server'}:{args.port}: {tlslab.explain(exc)}")
