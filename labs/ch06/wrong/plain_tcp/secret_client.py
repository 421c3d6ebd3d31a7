"""Exercise 3, wrong: sends the secret over plain TCP (no TLS at all)."""
import socket

import tlslab


def send_secret(host, port, secret, address=None):
    with socket.create_connection((address or host, port), timeout=tlslab.TIMEOUT) as sock:
        sock.sendall(secret + b"\n")
        try:
            return tlslab.read_line(sock)
        except EOFError:
            return ""
