"""Exercise 2, wrong: the sending thread's errors are nobody's business, so when the server
breaks the connection the program dies with a thread's traceback."""
import socket
import threading


def exchange(sock, data):
    def send_all():
        sock.sendall(data)
        sock.shutdown(socket.SHUT_WR)

    threading.Thread(target=send_all).start()
    chunks = []
    while more := sock.recv(65536):
        chunks.append(more)
    return b"".join(chunks)
