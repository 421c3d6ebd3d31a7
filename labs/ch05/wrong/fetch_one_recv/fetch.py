"""Exercise 2, wrong: receive_all() calls recv() once, with a big buffer, and returns that.

"65536 bytes is more than the answer": but one recv() returns only what has arrived so far.
"""
import socket


def receive_all(sock):
    return sock.recv(65536)


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
