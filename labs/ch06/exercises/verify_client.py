"""Exercise 1: a client that trusts the right server only (labs/ch06/README.md).

The program around it is labs/ch06/verify_client.py. The ssl and socket modules are what
you need; `import tlslab` gives the chapter's helpers (tlslab.TIMEOUT, for one)."""


def verified_connection(host, port, address=None):
    """TODO: connect to address (or host when address is None) on port and return a TLS
    socket whose certificate chain ends at a CA of the system store AND whose names cover
    host. Which ssl function gives a context that checks both? Tell it which name the
    certificate must carry when you wrap the socket. Never switch a check off: the grader
    presents impostors."""
    raise NotImplementedError
