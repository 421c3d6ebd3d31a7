"""Exercise 3, wrong: replies and returns, trusting that the socket closes itself (it does
only when garbage-collected, and a reference kept anywhere keeps the connection open)."""
KEPT = []


def answer(conn):
    conn.sendall(conn.recv(1024).upper())
    KEPT.append(conn)   # a log of clients, say: the socket lives on in CLOSE_WAIT
