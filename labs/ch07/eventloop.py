"""The qa protocol served by ONE thread with an event loop: non-blocking sockets and a
selector (epoll underneath) that says which sockets are ready. No client can make the loop
wait: a read takes what has arrived, a write gives the kernel what it takes, and each
connection keeps its own buffers between turns.

    www$ python3 /labs/ch07/eventloop.py             # port 7004
"""
import argparse
import selectors
import socket

import labkit

import qa

PORT = 7004
OUTBOX_LIMIT = 65536   # stop reading from a client that does not read its answers


class Connection:
    """What the loop remembers about one client between its turns."""

    def __init__(self, sock: socket.socket):
        self.sock = sock
        self.inbox = bytearray()    # received, not yet a whole question
        self.outbox = bytearray()   # answers the kernel has not taken yet


def on_readable(selector, conn: Connection) -> None:
    data = conn.sock.recv(4096)      # never blocks: the selector said something is there
    if not data:
        return close(selector, conn)
    conn.inbox += data
    for line in qa.take_lines(conn.inbox):
        conn.outbox += qa.answer(line)
    if qa.too_long(conn.inbox):
        return close(selector, conn)
    on_writable(selector, conn)


def on_writable(selector, conn: Connection) -> None:
    if conn.outbox:
        try:
            sent = conn.sock.send(conn.outbox)   # may take only part of it
        except BlockingIOError:
            sent = 0
        del conn.outbox[:sent]
    # Wait for "writable" only while answers are pending, or the loop would spin; stop
    # reading from a client that lets its answers pile up, or it could fill our memory.
    events = ((selectors.EVENT_READ if len(conn.outbox) < OUTBOX_LIMIT else 0)
              | (selectors.EVENT_WRITE if conn.outbox else 0))
    selector.modify(conn.sock, events, conn)


def close(selector, conn: Connection) -> None:
    selector.unregister(conn.sock)
    conn.sock.close()


def serve(port: int) -> None:
    listener = socket.create_server(("", port), backlog=qa.BACKLOG)
    listener.setblocking(False)
    selector = selectors.DefaultSelector()
    selector.register(listener, selectors.EVENT_READ, None)
    while True:
        for key, events in selector.select():
            if key.data is None:                        # the listener: a new client
                sock, _ = listener.accept()
                sock.setblocking(False)
                selector.register(sock, selectors.EVENT_READ, Connection(sock))
                continue
            conn = key.data
            try:
                if events & selectors.EVENT_READ:
                    on_readable(selector, conn)
                elif events & selectors.EVENT_WRITE:
                    on_writable(selector, conn)
            except OSError:                             # a reset: forget that client only
                close(selector, conn)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=labkit.port, default=PORT)
    serve(parser.parse_args().port)


if __name__ == "__main__":
    labkit.main(main)
