"""Exercise 2, wrong: ignores X-Forwarded-For, so every client behind nginx is 127.0.0.1."""


def client_address(environ, proxies):
    return environ["REMOTE_ADDR"]
