"""Exercise 1, wrong: a random part but no proof at all: the name can be changed at will."""
import secrets


def make_cookie(username, key):
    return f"{username}.{secrets.token_hex(8)}"


def user_of(cookie, key):
    username, _, nonce = cookie.rpartition(".")
    return username if username and len(nonce) == 16 else None
