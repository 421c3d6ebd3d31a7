"""Exercise 1, wrong: waits half a second for the message to arrive, then calls recv() once
(a lucky rule: right only while the server is quick)."""
import time


def recvall(sock, length):
    time.sleep(0.5)   # "by now the whole reply is there"
    data = sock.recv(length)
    if len(data) < length:
        raise EOFError(f"connection closed after {len(data)} of {length} bytes")
    return data
