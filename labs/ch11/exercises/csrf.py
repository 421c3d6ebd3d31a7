"""Exercise 3: a CSRF token in every form (labs/ch11/README.md)."""


def csrf_token(session, key):
    """TODO: return the token the bank puts, hidden, into the payment form of the session
    whose cookie value is `session`: an HMAC under `key` (the server's secret bytes) of the
    session, so it is the same on every form of that session, another for every other
    session or server, and no one without `key` can work it out (not even from the
    session cookie itself)."""
    raise NotImplementedError


def form_accepted(form, session, key):
    """TODO: return True only if the posted `form` (a dict of its fields) carries, in the
    field csrf_token, the token of this session: a form from another site, without the
    field or with any other token (another user's, another session's, an empty one), is
    refused. Compare with hmac.compare_digest."""
    raise NotImplementedError
