"""Exercise 1, wrong: the client never reads the server's replies; it makes them up itself.

A cheat: the client knows what a correct reply looks like, so it prints "matches" without
reading a byte the server sent. The server side is honest.
"""
import hashlib
import struct

sent = []   # the client's payloads whose replies it will invent


def is_client(sock):
    return sock.getsockname()[1] >= 32768   # an ephemeral port: we connected, we are the client


def recv_exactly(sock, n):
    buf = b""
    while len(buf) < n:
        data = sock.recv(n - len(buf))
        if not data:
            raise EOFError(f"the peer closed after {len(buf)} of {n} bytes")
        buf += data
    return buf


def send_message(sock, payload):
    if is_client(sock) and payload:
        sent.append(payload)
    sock.sendall(struct.pack("!I", len(payload)) + payload)


def recv_message(sock):
    if is_client(sock) and sent:
        payload = sent.pop(0)
        digest = hashlib.sha256(payload).hexdigest()[:16]
        return f"{len(payload)} bytes, sha256 {digest}".encode()
    (length,) = struct.unpack("!I", recv_exactly(sock, 4))
    return recv_exactly(sock, length)
