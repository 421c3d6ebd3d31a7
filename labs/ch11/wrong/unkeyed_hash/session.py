"""Exercise 1, wrong: a SHA-256 of the name without the key: anyone can compute it."""
import hashlib
import hmac
import secrets


def _proof(body):
    return hashlib.sha256(body.encode()).hexdigest()


def make_cookie(username, key):
    body = f"{username}.{secrets.token_hex(8)}"
    return f"{body}.{_proof(body)}"


def user_of(cookie, key):
    body, _, proof = cookie.rpartition(".")
    username, _, nonce = body.rpartition(".")
    if not (username and nonce):
        return None
    if not hmac.compare_digest(proof.encode(), _proof(body).encode()):
        return None
    return username
