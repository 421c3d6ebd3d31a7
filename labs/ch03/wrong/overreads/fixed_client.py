"""Exercise 1, wrong: asks recv() for `length` bytes every time, so it can take bytes of the
next message."""


def recvall(sock, length):
    data = b""
    while len(data) < length:
        more = sock.recv(length)
        if not more:
            raise EOFError(f"connection closed after {len(data)} of {length} bytes")
        data += more
    return data
