"""Exercise 1, wrong: treats a timeout as "the server is slow" and waits again, so a server
that never answers hangs the client."""
import socket


def recvall(sock, length):
    data = b""
    while len(data) < length:
        try:
            more = sock.recv(length - len(data))
        except socket.timeout:
            continue
        if not more:
            raise EOFError(f"connection closed after {len(data)} of {length} bytes")
        data += more
    return data
