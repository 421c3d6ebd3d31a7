"""Exercise 3, the reference solution."""


def answer(conn):
    with conn:   # closed on every path, the early return and an exception included
        data = conn.recv(1024)
        if not data:   # the client hung up first, without a word
            return
        conn.sendall(data.upper())
