"""Exercise 1, wrong: a new thread for every client, so a flood of idle clients gets a
thread each (the `workers` argument is ignored)."""
import threading

import qa


def converse(sock):
    with sock:
        inbox = bytearray()
        while data := sock.recv(4096):
            inbox += data
            for line in qa.take_lines(inbox):
                sock.sendall(qa.answer(line))


def serve(listener, workers):
    while True:
        sock, _ = listener.accept()
        threading.Thread(target=converse, args=(sock,), daemon=True).start()
