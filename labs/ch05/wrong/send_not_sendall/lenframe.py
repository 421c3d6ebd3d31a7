"""Exercise 1, wrong: send_message() uses send(), which may send only part of a long message.

send() returns how many bytes it took; with a timeout set, that is often fewer than given.
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
    sock.send(struct.pack("!I", len(payload)) + payload)


def recv_message(sock):
    (length,) = struct.unpack("!I", recv_exactly(sock, 4))
    return recv_exactly(sock, length)
