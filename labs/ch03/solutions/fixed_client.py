"""Exercise 1, the reference solution: recvall() loops over recv() until the message is whole."""


def recvall(sock, length):
    data = b""
    while len(data) < length:
        more = sock.recv(length - len(data))   # never more than this message's rest
        if not more:   # b"" means the peer closed: no more bytes will ever come
            raise EOFError(f"connection closed after {len(data)} of {length} bytes")
        data += more
    return data
