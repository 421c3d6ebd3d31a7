#!/usr/bin/env python3
"""Exercise 3: send a secret read from standard input to a TLS server (tls_server.py on www)
so that nobody on the path can read it (labs/ch06/README.md, section 'Exercise 3').

Write send_secret() below. The rest of the program (arguments, reading the secret from
stdin, the report and the error messages) is given, in labs/ch06/secret_client_main.py. Run:
    echo 'my PIN is 1234' | python3 /labs/ch06/exercises/secret_client.py www.example.com"""

import socket  # noqa: F401 (for your code)
import ssl  # noqa: F401 (for your code)
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the chapter's tlslab
import tlslab  # noqa: E402,F401
from secret_client_main import main  # noqa: E402


def send_secret(host, port, secret, address=None):
    """Deliver secret (bytes, one line) over a verified TLS connection; return the answer."""
    # TODO Exercise 3: Open a verified TLS connection (the name checked: host), send
    # secret and a newline, read one line back (tlslab.read_line) and return it.
    raise NotImplementedError("Exercise 3: see labs/ch06/README.md")


if __name__ == "__main__":
    main(send_secret)
