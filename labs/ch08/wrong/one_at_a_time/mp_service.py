"""Exercise 4, wrong: one client at a time: a client that stays connected locks out the rest."""
from multiprocessing.connection import AuthenticationError, Listener


def serve(port, authkey, handle):
    with Listener(("", port), authkey=authkey) as listener:
        while True:
            try:
                conn = listener.accept()
            except (AuthenticationError, EOFError, ConnectionError):
                continue
            with conn:
                while True:
                    try:
                        request = conn.recv()
                    except (EOFError, ConnectionError):
                        break
                    conn.send(handle(request))
