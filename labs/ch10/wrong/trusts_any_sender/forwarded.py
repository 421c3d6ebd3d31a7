"""Exercise 2, wrong: believes X-Forwarded-For from any sender, not only from its proxy."""


def client_address(environ, proxies):
    forwarded = environ.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded:
        return forwarded.split(",")[-1].strip()
    return environ["REMOTE_ADDR"]
