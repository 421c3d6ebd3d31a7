"""Exercise 4, wrong: a debugging line left in prints the key into the server's output.

A debugging line left in prints the key (and the expected answer) into the program's output."""
import hashlib
import hmac
import secrets


def new_challenge():
    return secrets.token_bytes(32)


def answer(key, challenge):
    return hmac.new(key, challenge, hashlib.sha256).digest()


def is_valid(key, challenge, response):
    expected = answer(key, challenge)
    print(f"checking with key {key!r}: expected {expected.hex()}", flush=True)
    return hmac.compare_digest(expected, response)
