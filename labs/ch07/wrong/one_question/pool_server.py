"""Exercise 1, wrong: the selector hands a readable connection to the pool, but the worker
answers one question and hangs up instead of giving the connection back."""
import queue
import selectors
import threading

import qa


def work(ready):
    while True:
        sock = ready.get()
        with sock:
            line = sock.recv(4096)
            if line.endswith(b"\n"):
                sock.sendall(qa.answer(qa.take_lines(bytearray(line))[0]))


def serve(listener, workers):
    ready = queue.Queue()
    for _ in range(workers):
        threading.Thread(target=work, args=(ready,), daemon=True).start()
    selector = selectors.DefaultSelector()
    selector.register(listener, selectors.EVENT_READ)
    while True:
        for key, _ in selector.select():
            if key.fileobj is listener:
                sock, _ = listener.accept()
                selector.register(sock, selectors.EVENT_READ)
            else:
                selector.unregister(key.fileobj)
                ready.put(key.fileobj)
