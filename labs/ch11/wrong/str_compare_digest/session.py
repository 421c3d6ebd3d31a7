"""Exercise 1, wrong: compare_digest on str: a non-ASCII cookie raises (an error 500)."""
import hashlib
import hmac
import secrets


def _proof(key, body):
    return hmac.new(key, body.encode(), hashlib.sha256).hexdigest()


def make_cookie(username, key):
    body = f"{username}.{secrets.token_hex(8)}"
    return f"{body}.{_proof(key, body)}"


def user_of(cookie, key):
    body, _, proof = cookie.rpartition(".")
    username, _, nonce = body.rpartition(".")
    if username and nonce and hmac.compare_digest(proof, _proof(key, body)):
        return username
    return None
