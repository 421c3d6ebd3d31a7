"""Exercise 4, wrong: a Listener without authkey: no challenge, anyone is served."""
import threading
from multiprocessing.connection import Listener


def serve(port, authkey, handle):
    with Listener(("", port)) as listener:
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
