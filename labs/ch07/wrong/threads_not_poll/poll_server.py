"""Exercise 2, wrong: serves everyone at once, but with a thread per client instead of one
thread and poll()."""
import threading

import qa


def converse(sock):
    with sock:
        inbox = bytearray()
        while data := sock.recv(4096):
            inbox += data
            for line in qa.take_lines(inbox):
                sock.sendall(qa.answer(line))


def serve(listener):
    while True:
        sock, _ = listener.accept()
        threading.Thread(target=converse, args=(sock,), daemon=True).start()
