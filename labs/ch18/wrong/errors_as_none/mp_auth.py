"""Exercise 4, wrong: an exception is answered ("ok", None); the error is lost.

The caller gets None for 1 / 0 and never hears of the error."""
import threading
from multiprocessing.connection import AuthenticationError, Listener


def answer(conn, functions):
    with conn:
        while True:
            try:
                name, args = conn.recv()
            except EOFError:
                return
            try:
                result = functions[name](*args)
            except Exception:
                result = None
            conn.send(("ok", result))


def serve(port, authkey, functions):
    listener = Listener(("", port), authkey=authkey)
    while True:
        try:
            conn = listener.accept()
        except AuthenticationError:
            continue
        threading.Thread(target=answer, args=(conn, functions), daemon=True).start()


def call(conn, name, args):
    conn.send((name, args))
    status, value = conn.recv()
    if status == "error":
        raise value
    return value
