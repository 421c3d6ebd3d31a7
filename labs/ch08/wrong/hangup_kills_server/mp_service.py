"""Exercise 4, wrong: a hang-up mid-handshake stops the server: it catches only AuthenticationError."""
import threading
from multiprocessing.connection import AuthenticationError, Listener


def serve(port, authkey, handle):
    with Listener(("", port), authkey=authkey) as listener:
        while True:
            try:
                conn = listener.accept()
            except AuthenticationError:
                continue
            threading.Thread(target=_answer, args=(conn, handle), daemon=True).start()


def _answer(conn, handle):
    with conn:
        while True:
            try:
                request = conn.recv()
            except (EOFError, ConnectionError):
                return
            conn.send(handle(request))
