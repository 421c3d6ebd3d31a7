"""Exercise 1, wrong: recv_exactly() asks recv() for n bytes each time, not for what is missing.

When the next frame follows close behind, the loop swallows its first bytes too.
"""
import struct


def recv_exactly(sock, n):
    buf = b""
    while len(buf) < n:
        data = sock.recv(n)
        if not data:
            raise EOFError(f"the peer closed after {len(buf)} of {n} bytes")
        buf += data
    return buf


def send_message(sock, payload):
    sock.sendall(struct.pack("!I", len(payload)) + payload)


def recv_message(sock):
    (length,) = struct.unpack("!I", recv_exactly(sock, 4))
    return recv_exactly(sock, length)
