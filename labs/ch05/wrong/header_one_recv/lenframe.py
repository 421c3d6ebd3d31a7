"""Exercise 1, wrong: recv_message() reads the 4-byte header with a single recv(4).

"Four bytes always arrive together": they do not when the sender writes them in pieces.
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
    sock.sendall(struct.pack("!I", len(payload)) + payload)


def recv_message(sock):
    header = sock.recv(4)
    if not header:
        raise EOFError("the peer closed")
    (length,) = struct.unpack("!I", header)
    return recv_exactly(sock, length)
