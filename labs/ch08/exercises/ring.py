"""Exercise 2: a consistent-hash ring (labs/ch08/README.md)."""


def build_ring(servers):
    """TODO: return a ring for these server names (any structure you like, e.g. a sorted
    list of (point, server)). Put each server on the ring at 100 or more points, each from
    a hash that every process computes alike (hashlib, not hash())."""
    raise NotImplementedError


def server_for(ring, key):
    """TODO: the server that owns key: the first point on the ring at or after the key's
    own hash, going round past the end to the first point."""
    raise NotImplementedError
