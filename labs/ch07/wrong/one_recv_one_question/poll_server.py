"""Exercise 2, wrong: takes whatever one recv() returns for one whole question, so a
question in two pieces gets two wrong answers and two questions in one piece get one."""
import select

import qa


def serve(listener):
    listener.setblocking(False)
    poller = select.poll()
    poller.register(listener, select.POLLIN)
    clients = {}
    while True:
        for fd, _ in poller.poll():
            if fd == listener.fileno():
                sock, _ = listener.accept()
                sock.setblocking(False)
                clients[sock.fileno()] = sock
                poller.register(sock, select.POLLIN)
                continue
            sock = clients[fd]
            try:
                data = sock.recv(4096)
                if data:
                    sock.send(qa.answer(data))
                    continue
            except OSError:
                pass
            poller.unregister(fd)
            del clients[fd]
            sock.close()
