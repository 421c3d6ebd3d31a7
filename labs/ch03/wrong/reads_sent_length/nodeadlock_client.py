"""Exercise 2, wrong: reads until it has as many bytes as it sent, not until the server's EOF
(a lucky rule: right only while the server sends back exactly what it got)."""
import socket
import threading


def exchange(sock, data):
    def send_all():
        sock.sendall(data)
        sock.shutdown(socket.SHUT_WR)

    sender = threading.Thread(target=send_all, daemon=True)
    sender.start()
    received = b""
    while len(received) < len(data):
        more = sock.recv(65536)
        if not more:
            break
        received += more
    return received
