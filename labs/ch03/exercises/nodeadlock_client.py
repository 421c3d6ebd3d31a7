"""Exercise 2: fix the deadlock (labs/ch03/README.md).

nodeadlock_client.py (in the chapter folder) is the program around it: it connects to
deadlock.py server with the same small socket buffers as deadlock.py's client, calls your
exchange(sock, data) with --size bytes of lowercase letters, and prints the sizes and the
SHA-256 of what you return. An OSError from exchange() becomes a one-line error.
"""
import socket      # socket.SHUT_WR
import threading   # or select: any way to read while sending will do


def exchange(sock, data):
    """TODO: send all of data, half-close, and return everything received until the
    server's EOF.

    Send with sendall(), then say you are done with sock.shutdown(socket.SHUT_WR), and read
    until recv() returns b"". Read while you are still sending, so that the capitals coming
    back never pile up: e.g. a thread that sends (and then shuts down) while this thread
    reads. Do not change the buffer sizes: any size of data must work.
    """
    raise NotImplementedError
