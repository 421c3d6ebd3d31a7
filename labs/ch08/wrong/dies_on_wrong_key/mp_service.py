"""Exercise 4, wrong: one wrong key stops the server: AuthenticationError escapes accept()."""
import threading
from multiprocessing.connection import Listener


def serve(port, authkey, handle):
    with Listener(("", port), authkey=authkey) as listener:
        while True:
            conn = listener.accept()
            threading.Thread(target=_answer, args=(conn, handle), daemon=True).start()


def _answer(conn, handle):
    with conn:
        while True:
            try:
                request = conn.recv()
            except (EOFError, ConnectionError):
                return
            conn.send(handle(request))
