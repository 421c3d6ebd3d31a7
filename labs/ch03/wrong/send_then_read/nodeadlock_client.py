"""Exercise 2, wrong: sends everything before reading anything (deadlock.py's client again)."""
import socket


def exchange(sock, data):
    sock.sendall(data)
    sock.shutdown(socket.SHUT_WR)
    chunks = []
    while more := sock.recv(65536):
        chunks.append(more)
    return b"".join(chunks)
