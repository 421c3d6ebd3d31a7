"""Exercise 1, wrong: recv_exactly() calls recv() once and returns whatever came.

It works whenever the whole message has already arrived, which on a quiet network is often.
"""
import struct


def recv_exactly(sock, n):
    data = sock.recv(n)
    if not data:
        raise EOFError("the peer closed")
    return data


def send_message(sock, payload):
    sock.sendall(struct.pack("!I", len(payload)) + payload)


def recv_message(sock):
    (length,) = struct.unpack("!I", recv_exactly(sock, 4))
    return recv_exactly(sock, length)
