"""Exercise 3, the reference solution."""
import socket
import ssl

import tlslab


def send_secret(host, port, secret, address=None):
    context = ssl.create_default_context()
    with socket.create_connection((address or host, port), timeout=tlslab.TIMEOUT) as raw:
        # The SNI (host) goes out in clear in the ClientHello; everything after the
        # handshake, the secret included, is encrypted.
        with context.wrap_socket(raw, server_hostname=host) as tls:
            tls.sendall(secret + b"\n")
            return tlslab.read_line(tls)
