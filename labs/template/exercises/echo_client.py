"""Exercise 1: an echo client that reads the whole reply (labs/chNN/README.md)."""


def read_reply(sock, size):
    """TODO: return exactly `size` bytes from sock, calling recv() until they have all
    arrived; raise EOFError if the server closes first."""
    raise NotImplementedError
