"""Exercise 3, wrong: compares the name with its case, so WWW.Example.COM gets a 404."""


def host_allowed(environ, allowed):
    name, colon, port = environ.get("HTTP_HOST", "").partition(":")
    if colon and port != environ["SERVER_PORT"]:
        return False
    return name in allowed
