"""Exercise 3, wrong: compares the whole header, so a Host with our own port gets a 404."""


def host_allowed(environ, allowed):
    return environ.get("HTTP_HOST", "").lower() in allowed
