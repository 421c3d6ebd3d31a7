"""Exercise 1, the reference solution."""


def read_reply(sock, size):
    data = b""
    while len(data) < size:
        more = sock.recv(size - len(data))
        if not more:
            raise EOFError(f"the server closed after {len(data)} of {size} bytes")
        data += more
    return data
