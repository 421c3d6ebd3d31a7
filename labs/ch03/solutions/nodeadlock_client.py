#!/usr/bin/env python3
"""Exercise 2, the reference solution: send from one thread while the main thread reads.

The rest of the client is labs/ch03/nodeadlock_client_main.py.
"""
import socket
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # the chapter folder
from nodeadlock_client_main import main  # noqa: E402


def exchange(sock, data):
    """Send all of data, half-close, and return everything received until the server's EOF."""
    errors = []

    def send_all():
        try:
            sock.sendall(data)
            sock.shutdown(socket.SHUT_WR)   # EOF for the server, while we keep reading
        except OSError as exc:
            errors.append(exc)

    sender = threading.Thread(target=send_all, daemon=True)
    sender.start()
    chunks = []
    while more := sock.recv(65536):
        chunks.append(more)
    sender.join()
    if errors:
        raise errors[0]
    return b"".join(chunks)


if __name__ == "__main__":
    main(exchange=exchange)
