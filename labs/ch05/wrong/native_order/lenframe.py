"""Exercise 1, wrong: the header is packed in the machine's byte order ("I"), not network order.

Two programs on the same kind of machine understand each other; the bytes on the wire are not
the protocol's.
"""
import struct


def recv_exactly(sock, n):
    buf = b""
    while len(buf) < n:
        data = sock.recv(n - len(buf))
        if not data:
            raise EOFError(f"the peer closed after {len(buf)} of {n} bytes")
        buf += data
    return buf


def send_message(sock, payload):
    sock.sendall(struct.pack("I", len(payload)) + payload)


def recv_message(sock):
    (length,) = struct.unpack("I", recv_exactly(sock, 4))
    return recv_exactly(sock, length)
