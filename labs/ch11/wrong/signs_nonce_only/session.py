"""Exercise 1, wrong: the HMAC covers the random part only, not the name beside it."""
import hashlib
import hmac
import secrets


def _proof(key, nonce):
    return hmac.new(key, nonce.encode(), hashlib.sha256).hexdigest()


def make_cookie(username, key):
    nonce = secrets.token_hex(8)
    return f"{username}.{nonce}.{_proof(key, nonce)}"


def user_of(cookie, key):
    body, _, proof = cookie.rpartition(".")
    username, _, nonce = body.rpartition(".")
    if username and hmac.compare_digest(proof.encode(), _proof(key, nonce).encode()):
        return username
    return None
