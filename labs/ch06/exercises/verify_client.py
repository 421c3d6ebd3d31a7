#!/usr/bin/env python3
"""Exercise 1: a TLS client that trusts a server only if its certificate is signed by a CA
in the system store AND names the host we asked for (labs/ch06/README.md, section
'Exercise 1').

Write verified_connection() below. The rest of the program (arguments, the "verified ..."
line, turning a TLS error into "refused HOST:PORT: REASON" and exit status 1) is given, in
labs/ch06/verify_client_main.py. Run:
    python3 /labs/ch06/exercises/verify_client.py www.example.com"""

import socket  # noqa: F401 (for your code)
import ssl
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the chapter's tlslab
import tlslab  # noqa: E402,F401
from verify_client_main import main  # noqa: E402


def verified_connection(host, port, address=None):
    """Connect to address (default: host) and return a TLS socket whose certificate chain
    ends at a CA of the system store and whose names cover host."""
    # TODO Exercise 1: Make a client context that verifies the certificate chain AND the host name
    # (which ssl function gives you one?), open a TCP connection to address or host,
    # and wrap it, telling the context which name the certificate must carry.
    # Never switch checks off: the grader tries an impostor and a wrong name.
    raise NotImplementedError("Exercise 1: see labs/ch06/README.md")


if __name__ == "__main__":
    main(verified_connection)
