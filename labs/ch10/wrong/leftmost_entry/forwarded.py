"""Exercise 2, wrong: behind the proxy, believes the FIRST X-Forwarded-For entry (the client's)."""


def client_address(environ, proxies):
    peer = environ["REMOTE_ADDR"]
    if peer not in proxies:
        return peer
    forwarded = environ.get("HTTP_X_FORWARDED_FOR", "")
    return forwarded.split(",")[0].strip() or peer
