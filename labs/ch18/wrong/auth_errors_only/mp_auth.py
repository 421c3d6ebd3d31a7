"""Exercise 4, wrong: survives a wrong key but dies on a client that hangs up at once.

accept() raises EOFError (or an OSError) when the client closes during the challenge."""
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
                conn.send(("ok", functions[name](*args)))
            except Exception as exc:
                conn.send(("error", exc))


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
