"""Exercise 4, wrong: the same challenge every time, so a recorded answer replays.

The same random-looking challenge every time, so a recorded answer can be replayed."""
import hashlib
import hmac

CHALLENGE = bytes.fromhex("5f3a9c1e" * 8)


def new_challenge():
    return CHALLENGE


def answer(key, challenge):
    return hmac.new(key, challenge, hashlib.sha256).digest()


def is_valid(key, challenge, response):
    return hmac.compare_digest(answer(key, challenge), response)
