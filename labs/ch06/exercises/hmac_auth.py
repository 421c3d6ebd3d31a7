"""Exercise 4: HMAC challenge-response without TLS (labs/ch06/README.md).

The program around it is labs/ch06/hmac_auth.py. The hashlib, hmac and secrets modules are
what you need."""


def new_challenge():
    """TODO: a challenge no one can predict and that never repeats: 32 random bytes (which
    module is for secrets?)."""
    raise NotImplementedError


def answer(key, challenge):
    """TODO: the client's proof that it knows key: HMAC-SHA256 of challenge under key, as
    bytes."""
    raise NotImplementedError


def is_valid(key, challenge, response):
    """TODO: does response prove knowledge of key for this challenge? Compare it with what
    the answer should be, in constant time."""
    raise NotImplementedError
