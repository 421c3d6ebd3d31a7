"""Exercise 4, wrong: a wrong key's AuthenticationError ends the server.

It escapes accept(), and the server is gone."""
import threading
from multiprocessing.connection import Listener


def answer(conn, functions):
    with conn:
        while True:
            try:
                name, args = conn.recv()
            except EOFError:
                return
            try:
                conn.send(("ok", functions[name](*args)))
            except Exception as exc:
                conn.send(("error", exc))


def serve(port, authkey, functions):
    listener = Listener(("", port), authkey=authkey)
    while True:
        conn = listener.accept()
        threading.Thread(target=answer, args=(conn, functions), daemon=True).start()


def call(conn, name, args):
    conn.send((name, args))
    status, value = conn.recv()
    if status == "error":
        raise value
    return value
