"""Exercise 1: a session cookie no one can forge (labs/ch11/README.md)."""


def make_cookie(username, key):
    """TODO: return the value of the session cookie that says `username` has logged in:
    the username, a dot, then what proves it: an HMAC-SHA256 under `key` (the server's
    secret bytes) of the username and of a fresh random part, so that every login gets a
    cookie of its own. Anyone may read the username in it (signed, not encrypted: like
    Flask's session); only a holder of `key` can make one."""
    raise NotImplementedError


def user_of(cookie, key):
    """TODO: return the username that a cookie made by make_cookie() under this `key`
    proves, or None for anything else: a bare username (what the book's flawed bank
    accepts), a cookie whose username or random part was changed, a proof cut short or
    missing, one made under another key, junk (any text, even non-ASCII). Compare proofs
    with hmac.compare_digest, never ==."""
    raise NotImplementedError
