"""Exercise 3, the reference solution."""


def host_allowed(environ, allowed):
    name, colon, port = environ.get("HTTP_HOST", "").partition(":")
    if colon and port != environ["SERVER_PORT"]:
        return False   # "name:" and "name:0080" included: neither is what we listen on
    return name.lower() in allowed
