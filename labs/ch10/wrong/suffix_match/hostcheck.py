"""Exercise 3, wrong: accepts any name that ends like an allowed one (xwww.example.com)."""


def host_allowed(environ, allowed):
    name, colon, port = environ.get("HTTP_HOST", "").partition(":")
    if colon and port != environ["SERVER_PORT"]:
        return False
    return bool(name) and any(name.lower().endswith(site) for site in allowed)
