"""Exercise 3, wrong: drops whatever port the Host header names without checking it."""


def host_allowed(environ, allowed):
    return environ.get("HTTP_HOST", "").split(":")[0].lower() in allowed
