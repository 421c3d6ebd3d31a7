#!/usr/bin/env python3
"""Exercise 3: send a secret read from standard input to a TLS server (tls_server.py on www)
so that nobody on the path can read it, and print the server's answer.

The secret comes from stdin, not the command line: arguments are visible to every user of
the machine in `ps`. The server is verified first, so the secret goes only to the real one."""

import argparse
import socket  # noqa: F401 (for your code)
import ssl
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the chapter's tlslab
import tlslab  # noqa: E402


def send_secret(host, port, secret, address=None):
    """Deliver secret (bytes, one line) over a verified TLS connection; return the answer."""
    # TODO Exercise 3: Open a verified TLS connection (the name checked: host), send
    # secret and a newline, read one line back (tlslab.read_line) and return it.
    raise NotImplementedError("Exercise 3: see labs/ch06/README.md")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("host", help="the server's name, e.g. www.example.com")
    parser.add_argument("--port", type=tlslab.port_number, default=6000,
                        help="TCP port (default: 6000)")
    parser.add_argument("--address", help="connect to this address instead of host's")
    args = parser.parse_args()
    secret = sys.stdin.buffer.readline().rstrip(b"\r\n")
    if not secret:
        tlslab.die("no secret on standard input (try: echo s3cret | secret_client.py www)")
    where = f"{args.host}:{args.port}"
    try:
        answer = send_secret(args.host, args.port, secret, args.address)
    except ssl.SSLError as exc:
        tlslab.die(f"refused {where}, secret not sent: {tlslab.explain(exc)}")
    except OSError as exc:
        tlslab.die(f"cannot connect to {where}: {tlslab.explain(exc)}")
    print(f"sent {len(secret)} bytes to {where}; it answered {len(answer)} characters")


if __name__ == "__main__":
    main()
