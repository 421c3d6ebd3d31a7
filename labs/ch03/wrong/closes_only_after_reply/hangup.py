"""Exercise 3, wrong: closes after a reply, but a client that sends nothing is left hanging
(the early return skips the close)."""
KEPT = []


def answer(conn):
    KEPT.append(conn)   # kept for a log: without the close, the socket stays open
    data = conn.recv(1024)
    if not data:
        return
    conn.sendall(data.upper())
    conn.close()
