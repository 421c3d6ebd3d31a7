"""Exercise 3, wrong: checks the certificate for the address dialled, not the host.

Checks the certificate against the address it connects to, not the host it was asked for, so
a lab certificate naming that address gets the secret."""
import socket
import ssl

import tlslab


def send_secret(host, port, secret, address=None):
    context = ssl.create_default_context()
    target = address or host
    with socket.create_connection((target, port), timeout=tlslab.TIMEOUT) as raw:
        with context.wrap_socket(raw, server_hostname=target) as tls:
            tls.sendall(secret + b"\n")
            return tlslab.read_line(tls)
