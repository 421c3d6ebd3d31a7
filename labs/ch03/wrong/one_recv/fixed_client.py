"""Exercise 1, wrong: trusts one recv() to return the whole message."""


def recvall(sock, length):
    data = sock.recv(length)
    if not data:
        raise EOFError(f"connection closed after 0 of {length} bytes")
    return data
