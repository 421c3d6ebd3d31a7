"""Exercise 1: length-prefixed messages (labs/ch05/README.md).

Each message is a 4-byte unsigned length in network byte order (struct format "!I") followed
by that many bytes; a zero-length message means "no more messages". lenframe.py runs your
functions as its server and its client.
"""
import struct


def recv_exactly(sock, n):
    """TODO: return exactly n bytes from sock. recv() may return fewer than asked (even part
    of a header), so keep calling it for what is still missing; raise EOFError if it returns
    b'' (the peer closed) before all n bytes have arrived."""
    raise NotImplementedError


def send_message(sock, payload):
    """TODO: send one framed message: the payload's length packed with struct.pack("!I", ...),
    then the payload itself, with sendall()."""
    raise NotImplementedError


def recv_message(sock):
    """TODO: receive one framed message and return its payload (b'' for the end marker): read
    exactly 4 bytes with recv_exactly(), unpack the length with struct.unpack("!I", ...), then
    read exactly that many bytes and return them."""
    raise NotImplementedError
