"""Exercise 1, wrong: checks the chain but not the name (check_hostname = False)."""
import socket
import ssl

import tlslab


def verified_connection(host, port, address=None):
    context = ssl.create_default_context()
    context.check_hostname = False   # "the CA is ours, the name does not matter"
    raw = socket.create_connection((address or host, port), timeout=tlslab.TIMEOUT)
    return context.wrap_socket(raw, server_hostname=host)
