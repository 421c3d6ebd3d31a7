"""Exercise 4, wrong: SHA-256 of key and challenge glued together, not HMAC."""
import hashlib
import hmac
import secrets


def new_challenge():
    return secrets.token_bytes(32)


def answer(key, challenge):
    return hashlib.sha256(key + challenge).digest()


def is_valid(key, challenge, response):
    return hmac.compare_digest(answer(key, challenge), response)
