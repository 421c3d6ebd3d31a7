"""Exercise 1, wrong: recv_exactly() returns what it has when the peer closes, not EOFError.

A message cut short by a closing peer is taken for a whole one.
"""
import struct


def recv_exactly(sock, n):
    buf = b""
    while len(buf) < n:
        data = sock.recv(n - len(buf))
        if not data:
            break   # the peer is done: return what we have
        buf += data
    return buf


def send_message(sock, payload):
    sock.sendall(struct.pack("!I", len(payload)) + payload)


def recv_message(sock):
    (length,) = struct.unpack("!I", recv_exactly(sock, 4))
    return recv_exactly(sock, length)
