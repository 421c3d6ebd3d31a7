"""Exercise 4, wrong: answers one request per connection and hangs up."""
import threading
from multiprocessing.connection import AuthenticationError, Listener


def serve(port, authkey, handle):
    with Listener(("", port), authkey=authkey) as listener:
        while True:
            try:
                conn = listener.accept()
            except (AuthenticationError, EOFError, ConnectionError):
                continue
            threading.Thread(target=_answer, args=(conn, handle), daemon=True).start()


def _answer(conn, handle):
    with conn:
        conn.send(handle(conn.recv()))
