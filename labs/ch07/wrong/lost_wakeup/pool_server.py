"""Exercise 1, wrong: a worker gives the connection back to a list, but nothing wakes the
selector, so the next question on it waits until some other client does something."""
import queue
import selectors
import socket
import threading

import qa


class Client:
    def __init__(self, sock: socket.socket):
        self.sock = sock
        self.inbox = bytearray()   # the start of a question, until its newline arrives


def work(ready: queue.Queue, back: list) -> None:
    while True:
        client = ready.get()
        try:
            done = answer_arrived(client)
        except OSError:
            done = True
        if done:
            client.sock.close()
            continue
        back.append(client)        # list.append is atomic: no lock needed


def answer_arrived(client: Client) -> bool:
    """Answer every whole question that has arrived; True when the connection is finished."""
    data = client.sock.recv(4096)  # the selector saw it readable: this returns at once
    if not data:
        return True
    client.inbox += data
    for line in qa.take_lines(client.inbox):
        client.sock.sendall(qa.answer(line))   # a timeout bounds a client that never reads
    return qa.too_long(client.inbox)


def serve(listener, workers):
    ready, back = queue.Queue(), []
    for _ in range(workers):
        threading.Thread(target=work, args=(ready, back), daemon=True).start()
    selector = selectors.DefaultSelector()
    selector.register(listener, selectors.EVENT_READ, "listener")
    while True:
        while back:
            client = back.pop()
            selector.register(client.sock, selectors.EVENT_READ, client)
        for key, _ in selector.select():
            if key.data == "listener":
                sock, _ = listener.accept()
                sock.settimeout(5)
                selector.register(sock, selectors.EVENT_READ, Client(sock))
            else:
                selector.unregister(key.fileobj)   # a worker has it until it comes back
                ready.put(key.data)
