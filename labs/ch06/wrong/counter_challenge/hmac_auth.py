"""Exercise 4, wrong: challenges from a counter: they never repeat, but are predictable.

Challenges never repeat, but anyone can predict the next one (a counter), so an answer for
it can be obtained in advance."""
import hashlib
import hmac
import itertools

_next = itertools.count(1)


def new_challenge():
    return next(_next).to_bytes(32, "big")


def answer(key, challenge):
    return hmac.new(key, challenge, hashlib.sha256).digest()


def is_valid(key, challenge, response):
    return hmac.compare_digest(answer(key, challenge), response)
