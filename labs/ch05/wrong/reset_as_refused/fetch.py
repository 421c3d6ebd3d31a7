"""Exercise 2, wrong: every ConnectionError is reported as "refused", a reset too.

ConnectionResetError and ConnectionRefusedError are both ConnectionErrors: the first test wins.
"""
import socket


def receive_all(sock):
    chunks = []
    while True:
        data = sock.recv(4096)
        if not data:
            return b"".join(chunks)
        chunks.append(data)


def explain(exc, host, port, timeout):
    if isinstance(exc, socket.gaierror):
        return f"cannot find host {host}: {exc.strerror}"
    if isinstance(exc, ConnectionError):
        return f"{host} port {port} refused the connection"
    if isinstance(exc, TimeoutError):
        return f"{host} port {port} timed out after {timeout} s"
    return f"{host} port {port}: {exc.strerror}"
