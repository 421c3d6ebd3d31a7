"""Exercise 1, wrong: reads through a new sock.makefile() on every call; the buffered file
reads ahead, and the bytes it took of the next message are lost with it."""


def recvall(sock, length):
    with sock.makefile("rb") as stream:
        data = stream.read(length)
    if len(data) < length:
        raise EOFError(f"connection closed after {len(data)} of {length} bytes")
    return data
