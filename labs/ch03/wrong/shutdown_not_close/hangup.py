"""Exercise 3, wrong: shutdown() sends the FIN, so the client sees the end, but the file
descriptor is never closed: the server leaks one per client until it runs out."""
import socket

KEPT = []


def answer(conn):
    KEPT.append(conn)
    data = conn.recv(1024)
    if data:
        conn.sendall(data.upper())
    conn.shutdown(socket.SHUT_WR)
