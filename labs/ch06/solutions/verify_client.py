#!/usr/bin/env python3
"""Exercise 1, solved: a TLS client that trusts a server only if its certificate is signed
by a CA in the system store AND names the host we asked for (labs/ch06/README.md, section
'Exercise 1'). The rest of the program is in labs/ch06/verify_client_main.py."""

import socket
import ssl
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the chapter's tlslab
import tlslab  # noqa: E402
from verify_client_main import main  # noqa: E402


def verified_connection(host, port, address=None):
    """Connect to address (default: host) and return a TLS socket whose certificate chain
    ends at a CA of the system store and whose names cover host."""
    # The default context is the safe one: CERT_REQUIRED, check_hostname, system CAs.
    context = ssl.create_default_context()
    raw = socket.create_connection((address or host, port), timeout=tlslab.TIMEOUT)
    try:
        # server_hostname is both the SNI sent and the name the certificate must carry.
        return context.wrap_socket(raw, server_hostname=host)
    except BaseException:
        raw.close()
        raise


if __name__ == "__main__":
    main(verified_connection)
