"""Exercise 3, wrong: encrypts, but to any server (an unverified context)."""
import socket
import ssl

import tlslab


def send_secret(host, port, secret, address=None):
    context = ssl._create_unverified_context()
    with socket.create_connection((address or host, port), timeout=tlslab.TIMEOUT) as raw:
        with context.wrap_socket(raw, server_hostname=host) as tls:
            tls.sendall(secret + b"\n")
            return tlslab.read_line(tls)
