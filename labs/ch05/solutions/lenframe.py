"""Exercise 1, the reference solution."""
import struct

HEADER = struct.Struct("!I")   # big-endian ("network order") unsigned 32-bit length
CHUNK = 65536                  # recv() allocates what it is asked for: ask in bounded pieces


def recv_exactly(sock, n):
    buf = bytearray()
    while len(buf) < n:
        data = sock.recv(min(n - len(buf), CHUNK))
        if not data:
            raise EOFError(f"the peer closed after {len(buf)} of {n} bytes")
        buf += data
    return bytes(buf)


def send_message(sock, payload):
    sock.sendall(HEADER.pack(len(payload)) + payload)


def recv_message(sock):
    (length,) = HEADER.unpack(recv_exactly(sock, HEADER.size))
    return recv_exactly(sock, length)
