"""Exercise 2, wrong: buffers questions well, but sends each answer with a blocking
sendall(), so a client that never reads its answers freezes the whole loop."""
import select
import socket

import qa

OUTBOX_LIMIT = 65536                     # stop reading from a client that does not read
READ, WRITE = select.POLLIN, select.POLLOUT
GONE = select.POLLHUP | select.POLLERR | select.POLLNVAL


class Client:
    def __init__(self, sock: socket.socket):
        self.sock = sock
        self.inbox = bytearray()
        self.outbox = bytearray()

    def wanted(self) -> int:
        """The events to poll for: read unless answers pile up, write while any wait."""
        return ((READ if len(self.outbox) < OUTBOX_LIMIT else 0)
                | (WRITE if self.outbox else 0))


def turn(client: Client, events: int) -> bool:
    """One turn of a client; False when it is finished."""
    if events & READ:
        data = client.sock.recv(4096)
        if not data:
            return False
        client.inbox += data
        for line in qa.take_lines(client.inbox):
            client.outbox += qa.answer(line)
        if qa.too_long(client.inbox):
            return False
    elif events & GONE:
        return False
    if client.outbox:
        client.sock.setblocking(True)
        client.sock.sendall(client.outbox)
        client.sock.setblocking(False)
        client.outbox.clear()
    return True


def serve(listener):
    listener.setblocking(False)
    poller = select.poll()
    poller.register(listener, READ)
    clients = {}                          # poll() speaks of file descriptors
    while True:
        for fd, events in poller.poll():
            if fd == listener.fileno():
                sock, _ = listener.accept()
                sock.setblocking(False)
                clients[sock.fileno()] = Client(sock)
                poller.register(sock, READ)
                continue
            client = clients[fd]
            try:
                alive = turn(client, events)
            except OSError:
                alive = False
            if alive:
                poller.modify(fd, client.wanted())
            else:
                poller.unregister(fd)
                del clients[fd]
                client.sock.close()
