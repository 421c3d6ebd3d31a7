"""Try responses of every wrong length on an HMAC server (hmac_auth.py server): knowing the
key, answer each challenge with the right HMAC cut short or with bytes added after it.

Length 0 is an empty response, which a client without the key can send too. A sound server
DENIES every one of them. Prints one line per try, "LENGTH VERDICT CHALLENGE-HEX", and exits
0 if all were denied, 1 if any was accepted."""
import argparse
import hashlib
import hmac
import socket

import labkit
import tlslab

RIGHT = hashlib.sha256().digest_size   # the length of a right answer


def wrong_answer(key, challenge, length):
    """The right answer cut to length bytes, or followed by zero bytes up to it."""
    right = hmac.new(key, challenge, hashlib.sha256).digest()
    return right[:length] + bytes(max(0, length - RIGHT))


def try_length(host, port, key, length):
    """One connection: (the server's verdict, the challenge it sent)."""
    with socket.create_connection((host, port), timeout=tlslab.TIMEOUT) as sock:
        word, _, challenge = tlslab.read_line(sock).partition(" ")
        if word != "CHALLENGE":
            labkit.fail(f"{host}:{port} sent {word!r}, not a CHALLENGE")
        response = wrong_answer(key, bytes.fromhex(challenge), length)
        sock.sendall(f"RESPONSE {response.hex()}\n".encode())
        try:
            return tlslab.read_line(sock), challenge
        except EOFError:
            return "(closed)", challenge


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("host", help="the HMAC server, e.g. www")
    parser.add_argument("--port", type=labkit.port, default=6040,
                        help="TCP port (default: 6040)")
    parser.add_argument("--key", required=True, help="the shared key (never printed)")
    parser.add_argument("--longest", type=labkit.positive, default=2 * RIGHT,
                        help=f"try lengths 0 to this (default: {2 * RIGHT})")
    args = parser.parse_args()
    accepted = []
    for length in range(args.longest + 1):
        if length == RIGHT:
            continue
        try:
            verdict, challenge = try_length(args.host, args.port, args.key.encode(), length)
        except (EOFError, ValueError) as exc:   # no challenge, or not hex
            labkit.fail(f"{args.host}:{args.port}, trying length {length}: {exc}")
        print(f"{length} {verdict} {challenge}", flush=True)
        if verdict == "ACCEPTED":
            accepted.append(length)
    if accepted:
        labkit.fail(f"wrong lengths ACCEPTED: {', '.join(map(str, accepted))}")


if __name__ == "__main__":
    labkit.main(main)
