#!/usr/bin/env python3
"""Exercise 3, solved: send a secret to a TLS server (tls_server.py on www) so that nobody
on the path can read it (labs/ch06/README.md, section 'Exercise 3'). The rest of the
program is in labs/ch06/secret_client_main.py."""

import socket
import ssl
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the chapter's tlslab
import tlslab  # noqa: E402
from secret_client_main import main  # noqa: E402


def send_secret(host, port, secret, address=None):
    """Deliver secret (bytes, one line) over a verified TLS connection; return the answer."""
    context = ssl.create_default_context()
    with socket.create_connection((address or host, port), timeout=tlslab.TIMEOUT) as raw:
        # The SNI (host) goes out in clear in the ClientHello; everything after the
        # handshake, the secret included, is encrypted.
        with context.wrap_socket(raw, server_hostname=host) as tls:
            tls.sendall(secret + b"\n")
            return tlslab.read_line(tls)


if __name__ == "__main__":
    main(send_secret)
