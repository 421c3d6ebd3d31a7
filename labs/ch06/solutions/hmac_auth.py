#!/usr/bin/env python3
"""Exercise 4, solved: challenge-response authentication with a shared key and HMAC,
without TLS (labs/ch06/README.md, section 'Exercise 4'). The rest of the program (sockets
and the protocol) is in labs/ch06/hmac_auth_main.py."""

import hashlib
import hmac
import secrets
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the chapter's hmac_auth_main
from hmac_auth_main import main  # noqa: E402


def new_challenge():
    """A challenge no one can predict and that never repeats: 32 random bytes."""
    return secrets.token_bytes(32)


def answer(key, challenge):
    """The client's proof that it knows key: HMAC-SHA256(key, challenge)."""
    return hmac.new(key, challenge, hashlib.sha256).digest()


def is_valid(key, challenge, response):
    """Does response prove knowledge of key for this challenge?"""
    # compare_digest takes the same time wherever the first difference is.
    return hmac.compare_digest(answer(key, challenge), response)


if __name__ == "__main__":
    main(new_challenge, answer, is_valid)
