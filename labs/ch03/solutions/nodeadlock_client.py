"""Exercise 2, the reference solution: send from one thread while the main thread reads."""
import socket
import threading


def exchange(sock, data):
    errors = []

    def send_all():
        try:
            sock.sendall(data)
            sock.shutdown(socket.SHUT_WR)   # EOF for the server, while we keep reading
        except OSError as exc:   # reported by the main thread, as one error
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
