"""Exercise 4, the reference solution."""
import hashlib
import hmac
import secrets


def new_challenge():
    return secrets.token_bytes(32)


def answer(key, challenge):
    return hmac.new(key, challenge, hashlib.sha256).digest()


def is_valid(key, challenge, response):
    # compare_digest takes the same time wherever the first difference is (== stops at the
    # first wrong byte, and timing tells), and it is False for any other length.
    return hmac.compare_digest(answer(key, challenge), response)
