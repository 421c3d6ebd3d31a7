"""Exercise 2, wrong: takes a timeout for the end of the echo, so a server that never answers
looks like one that sent nothing."""
import socket
import threading


def exchange(sock, data):
    def send_all():
        sock.sendall(data)
        sock.shutdown(socket.SHUT_WR)

    threading.Thread(target=send_all, daemon=True).start()
    chunks = []
    try:
        while more := sock.recv(65536):
            chunks.append(more)
    except socket.timeout:
        pass   # "nothing more is coming"
    return b"".join(chunks)
