"""An eavesdropper's replay: answer a server's challenge with a RESPONSE line recorded from
someone else's session (see the capture in the README), without knowing the key.

Exits 0 if the server accepted the replay (a broken server), 1 if it refused it."""

import argparse
import socket

import labkit
import tlslab


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("host", help="the HMAC server, e.g. www")
    parser.add_argument("response", help="the recorded response, hex (after 'RESPONSE ')")
    parser.add_argument("--port", type=labkit.port, default=6040,
                        help="TCP port (default: 6040)")
    args = parser.parse_args()
    try:
        bytes.fromhex(args.response)
    except ValueError:
        parser.error(f"not a hex string: {args.response!r}")
    try:
        with socket.create_connection((args.host, args.port), timeout=tlslab.TIMEOUT) as sock:
            challenge = tlslab.read_line(sock)
            print(f"server: {challenge}  (ignored: we replay the old answer)")
            sock.sendall(f"RESPONSE {args.response}\n".encode())
            verdict = tlslab.read_line(sock)
    except EOFError:
        verdict = "(closed)"
    except OSError as exc:
        labkit.fail(f"{args.host}:{args.port}: {tlslab.explain(exc)}")
    print(f"server: {verdict}")
    if verdict != "ACCEPTED":
        labkit.fail("replay refused")
    print("replay ACCEPTED: this server can be fooled by an eavesdropper")


if __name__ == "__main__":
    labkit.main(main)
