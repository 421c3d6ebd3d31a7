"""Exercise 2, wrong: poll() says a client is readable, then the server reads a whole line
with a blocking recv loop, so a client that sends half a question stalls everyone."""
import select

import labkit

import qa


def serve(listener):
    poller = select.poll()
    poller.register(listener, select.POLLIN)
    clients = {}
    while True:
        for fd, _ in poller.poll():
            if fd == listener.fileno():
                sock, _ = listener.accept()
                clients[sock.fileno()] = sock
                poller.register(sock, select.POLLIN)
                continue
            sock = clients[fd]
            try:
                sock.sendall(qa.answer(labkit.recv_line(sock, qa.MAX_LINE)))
            except (EOFError, ValueError, OSError):
                poller.unregister(fd)
                del clients[fd]
                sock.close()
