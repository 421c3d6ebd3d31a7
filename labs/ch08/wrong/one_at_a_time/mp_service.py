"""Exercise 4, wrong: answers each client to the end before accepting the next, so one
client that stays connected locks everyone else out."""
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
