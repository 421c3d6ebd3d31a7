"""Exercise 4: a multiprocessing.connection service with authkey (labs/ch18/README.md)."""


def serve(port, authkey, functions):
    """TODO: serve forever on TCP port `port` (all addresses) with a
    multiprocessing.connection Listener that requires `authkey` (bytes). Each call is the
    message (name, args); answer ("ok", functions[name](*args)), or ("error", exception)
    with the exception it raised. A client with a wrong key (or none, or one that hangs up
    during the challenge) is refused and the server goes on; a client that keeps its
    connection open must not keep others waiting."""
    raise NotImplementedError


def call(conn, name, args):
    """TODO: call name(*args) over conn (a multiprocessing.connection Connection, already
    authenticated) and return the result, or raise the exception the server sent back."""
    raise NotImplementedError
