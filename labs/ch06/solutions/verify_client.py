"""Exercise 1, the reference solution."""
import socket
import ssl

import tlslab


def verified_connection(host, port, address=None):
    # The default context is the safe one: CERT_REQUIRED, check_hostname, system CAs.
    context = ssl.create_default_context()
    raw = socket.create_connection((address or host, port), timeout=tlslab.TIMEOUT)
    try:
        # server_hostname is both the SNI sent and the name the certificate must carry.
        return context.wrap_socket(raw, server_hostname=host)
    except BaseException:
        raw.close()
        raise
