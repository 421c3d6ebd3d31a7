"""Exercise 4, wrong: reads only the first 32 bytes: the right answer plus junk passes.

Looks only at the first 32 bytes of the response, so the right answer followed by anything
is accepted."""
import hashlib
import hmac
import secrets


def new_challenge():
    return secrets.token_bytes(32)


def answer(key, challenge):
    return hmac.new(key, challenge, hashlib.sha256).digest()


def is_valid(key, challenge, response):
    expected = answer(key, challenge)
    return hmac.compare_digest(expected, response[:len(expected)])
