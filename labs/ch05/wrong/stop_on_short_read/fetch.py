"""Exercise 2, wrong: receive_all() stops at the first recv() that returns less than it asked.

A short read only means that no more had arrived yet, not that the server is done.
"""
import socket


def receive_all(sock):
    chunks = []
    while True:
        data = sock.recv(4096)
        chunks.append(data)
        if len(data) < 4096:
            return b"".join(chunks)


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
