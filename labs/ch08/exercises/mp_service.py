"""Exercise 4: an authenticated multiprocessing service (labs/ch08/README.md)."""


def serve(port, authkey, handle):
    """TODO: serve for ever on every address's `port` with a
    multiprocessing.connection.Listener that authenticates clients with `authkey`. For
    each request object a client sends, send back handle(request), until that client
    hangs up; serve several clients at the same time. A client with a wrong key, or one
    that hangs up in the middle of the handshake, is refused and the server goes on."""
    raise NotImplementedError
