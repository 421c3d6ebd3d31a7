"""Exercise 2: a single-threaded server with poll() (labs/ch07/README.md)."""


def serve(listener):
    """TODO: serve the qa protocol (qa.py) to every client of listener at once, forever, in
    this one thread, with select.poll() (not selectors: that is eventloop.py's way). No
    client may make the loop wait: not one that sends half a question and stalls, nor one
    that sends questions without reading the answers. A question may arrive in pieces, and
    several may arrive together."""
    raise NotImplementedError
