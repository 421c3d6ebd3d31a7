"""Exercise 1, wrong: never checks for b"", so it loops forever once the server has closed."""


def recvall(sock, length):
    data = b""
    while len(data) < length:
        data += sock.recv(length - len(data))
    return data
