"""Exercise 2, wrong: a cheat that reads the echo but returns its own data in capitals, what
it expects the server to have sent."""
import socket
import threading


def exchange(sock, data):
    def send_all():
        sock.sendall(data)
        sock.shutdown(socket.SHUT_WR)

    threading.Thread(target=send_all, daemon=True).start()
    while sock.recv(65536):
        pass
    return data.upper()
