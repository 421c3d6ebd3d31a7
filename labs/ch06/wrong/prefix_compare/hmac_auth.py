"""Exercise 4, wrong: compares only as many bytes as sent: an empty response passes.

Compares only as many bytes as the client sent, so an empty (or short) response from a
client without the key is accepted."""
import hashlib
import hmac
import secrets


def new_challenge():
    return secrets.token_bytes(32)


def answer(key, challenge):
    return hmac.new(key, challenge, hashlib.sha256).digest()


def is_valid(key, challenge, response):
    expected = answer(key, challenge)
    return hmac.compare_digest(expected[:len(response)], response)
