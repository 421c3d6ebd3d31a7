"""Exercise 2, wrong: reads while a thread sends, but never says it is done
(no shutdown(SHUT_WR)), so the server waits for more."""
import threading


def exchange(sock, data):
    sender = threading.Thread(target=sock.sendall, args=(data,), daemon=True)
    sender.start()
    chunks = []
    while more := sock.recv(65536):
        chunks.append(more)
    return b"".join(chunks)
