"""Exercise 4, wrong: answers each connection to its end before accepting the next, so a
client that keeps its connection open keeps everyone else waiting."""
from multiprocessing.connection import AuthenticationError, Listener


def serve(port, authkey, functions):
    listener = Listener(("", port), authkey=authkey)
    while True:
        try:
            conn = listener.accept()
        except AuthenticationError:
            continue
        with conn:
            while True:
                try:
                    name, args = conn.recv()
                except EOFError:
                    break
                try:
                    conn.send(("ok", functions[name](*args)))
                except Exception as exc:
                    conn.send(("error", exc))


def call(conn, name, args):
    conn.send((name, args))
    status, value = conn.recv()
    if status == "error":
        raise value
    return value
