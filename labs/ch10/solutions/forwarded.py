"""Exercise 2, the reference solution."""


def client_address(environ, proxies):
    peer = environ["REMOTE_ADDR"]
    if peer not in proxies:
        return peer   # a direct client: its headers say whatever it likes
    entries = [e.strip() for e in environ.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    # the proxy appended the address it saw; walk back past any proxies of ours
    for entry in reversed(entries):
        if entry and entry not in proxies:
            return entry
    return peer
