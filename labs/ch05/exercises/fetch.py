"""Exercise 2: a client that fails clearly (labs/ch05/README.md).

fetch.py connects, sends the request line, prints what receive_all() returns, and turns any
OSError into one line on stderr: the line explain() returns.
"""
import socket


def receive_all(sock):
    """TODO: return everything the server sends until it closes the connection (framing by
    closing): call sock.recv() until it returns b'' and return all the bytes joined."""
    raise NotImplementedError


def explain(exc, host, port, timeout):
    """TODO: return one line that says what went wrong, in the user's terms, naming host and
    port: for socket.gaierror (the name does not exist) the host name; for
    ConnectionRefusedError 'refused'; for ConnectionResetError 'reset'; for TimeoutError
    (socket.timeout) 'timed out' and the timeout; for any other OSError its strerror."""
    raise NotImplementedError
