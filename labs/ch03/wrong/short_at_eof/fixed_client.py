"""Exercise 1, wrong: at EOF it returns the part of the message it has instead of failing."""


def recvall(sock, length):
    data = b""
    while len(data) < length:
        more = sock.recv(length - len(data))
        if not more:
            break
        data += more
    return data
