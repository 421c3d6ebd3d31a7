"""Exercise 1: a pooled server that idle clients cannot tie up (labs/ch07/README.md)."""


def serve(listener, workers):
    """TODO: serve the qa protocol (qa.py) to every client that connects to listener, forever,
    with exactly `workers` worker threads started up front plus the calling thread, however
    many clients connect: no thread per client. A client that connects and says nothing (or
    half a question) must not keep any thread from serving the others, and a client may ask
    any number of questions on its connection. Idea: let the calling thread wait, with a
    selector, for connections that have something to read, and hand those to the workers
    through a queue.Queue; a worker answers what has arrived and gives the connection back."""
    raise NotImplementedError
