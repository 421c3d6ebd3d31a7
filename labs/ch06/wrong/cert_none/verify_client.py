"""Exercise 1, wrong: encrypts to whoever answers (CERT_NONE, no name check)."""
import socket
import ssl

import tlslab


def verified_connection(host, port, address=None):
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    raw = socket.create_connection((address or host, port), timeout=tlslab.TIMEOUT)
    return context.wrap_socket(raw, server_hostname=host)
