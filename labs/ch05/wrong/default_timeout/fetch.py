"""Exercise 2, wrong: the timeout message names the default (5 s), not the timeout given.

Written and tried with the default only: --timeout 2 still says 5 s.
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
    if isinstance(exc, ConnectionRefusedError):
        return f"{host} port {port} refused the connection"
    if isinstance(exc, ConnectionResetError):
        return f"{host} port {port} reset the connection"
    if isinstance(exc, TimeoutError):
        return f"{host} port {port} timed out after 5 s"
    return f"{host} port {port}: {exc.strerror}"
