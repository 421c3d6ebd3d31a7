"""Exercise 1, wrong: a cheat that prints the requests in capitals, taken from the caller,
instead of the replies that came over the network."""
import inspect
import itertools

calls = itertools.count()


def recvall(sock, length):
    requests = inspect.currentframe().f_back.f_locals["messages"]   # what the client sent
    data = b""
    while len(data) < length:
        more = sock.recv(length - len(data))
        if not more:
            raise EOFError(f"connection closed after {len(data)} of {length} bytes")
        data += more
    return requests[next(calls)].upper()
