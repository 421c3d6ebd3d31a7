"""Exercise 3, wrong: prints the server's echo, so the secret is in its output.

Prints the server's answer, and the server echoes: the secret ends up on the screen (and in
any log of the program's output)."""
import socket
import ssl

import tlslab


def send_secret(host, port, secret, address=None):
    context = ssl.create_default_context()
    with socket.create_connection((address or host, port), timeout=tlslab.TIMEOUT) as raw:
        with context.wrap_socket(raw, server_hostname=host) as tls:
            tls.sendall(secret + b"\n")
            reply = tlslab.read_line(tls)
            print(f"server said: {reply}")
            return reply
