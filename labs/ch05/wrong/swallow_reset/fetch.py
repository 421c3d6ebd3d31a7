"""Exercise 2, wrong: receive_all() treats a reset as the end of the answer.

The program then prints what arrived and exits 0, as if the answer were complete.
"""
import socket


def receive_all(sock):
    chunks = []
    while True:
        try:
            data = sock.recv(4096)
        except ConnectionResetError:
            data = b""
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
        return f"{host} port {port} timed out after {timeout} s"
    return f"{host} port {port}: {exc.strerror}"
