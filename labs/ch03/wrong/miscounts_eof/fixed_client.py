"""Exercise 1, wrong: its EOFError reports the size of the last recv() (always 0), not how
many bytes of the message arrived."""


def recvall(sock, length):
    data = b""
    while len(data) < length:
        more = sock.recv(length - len(data))
        if not more:
            raise EOFError(f"connection closed after {len(more)} of {length} bytes")
        data += more
    return data
