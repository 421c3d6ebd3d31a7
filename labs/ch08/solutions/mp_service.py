"""Exercise 4, the reference solution."""
import threading
from multiprocessing.connection import AuthenticationError, Listener


def serve(port, authkey, handle):
    with Listener(("", port), authkey=authkey) as listener:
        while True:
            try:
                conn = listener.accept()   # the challenge and the answer happen in here
            except (AuthenticationError, EOFError, ConnectionError) as e:
                print(f"refused a client: {e!r}", flush=True)
                continue
            threading.Thread(target=_answer, args=(conn, handle), daemon=True).start()


def _answer(conn, handle):
    with conn:
        while True:
            try:
                request = conn.recv()
            except (EOFError, ConnectionError):
                return                     # the client hung up
            conn.send(handle(request))
