"""Exercise 1, the reference solution: USERNAME.NONCE.HMAC (hex)."""
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
    if not (username and nonce):
        return None
    # bytes: compare_digest refuses str that is not ASCII, and a cookie may hold anything
    if not hmac.compare_digest(proof.encode(), _proof(key, body).encode()):
        return None
    return username
