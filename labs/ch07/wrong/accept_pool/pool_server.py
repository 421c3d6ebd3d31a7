"""Exercise 1, wrong: a fixed pool sharing accept(), each worker serving a whole connection:
bounded, but as many idle clients as workers tie up the whole pool."""
import threading

import qa


def work(listener):
    while True:
        sock, _ = listener.accept()
        with sock:
            inbox = bytearray()
            while data := sock.recv(4096):
                inbox += data
                for line in qa.take_lines(inbox):
                    sock.sendall(qa.answer(line))


def serve(listener, workers):
    threads = [threading.Thread(target=work, args=(listener,), daemon=True)
               for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
