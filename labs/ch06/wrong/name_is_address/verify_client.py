"""Exercise 1, wrong: checks the certificate for the address dialled, not the host.

Checks the certificate against the address it connects to, not the host it was asked for
(server_hostname=address or host)."""
import socket
import ssl

import tlslab


def verified_connection(host, port, address=None):
    context = ssl.create_default_context()
    target = address or host
    raw = socket.create_connection((target, port), timeout=tlslab.TIMEOUT)
    return context.wrap_socket(raw, server_hostname=target)
