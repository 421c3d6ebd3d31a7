#!/usr/bin/env python3
"""Exercise 4: challenge-response authentication with a shared key and HMAC, without TLS
(labs/ch06/README.md, section 'Exercise 4').

Write new_challenge(), answer() and is_valid() below. The rest of the program (arguments,
sockets and the protocol) is given, in labs/ch06/hmac_auth_main.py.

Protocol, one line each:  S: CHALLENGE <hex>   C: RESPONSE <hex>   S: ACCEPTED | DENIED
then, if accepted:        C: MESSAGE <text>    S: THANKS

Run:
    python3 /labs/ch06/exercises/hmac_auth.py server --key 'shared k3y'      # on www
    python3 /labs/ch06/exercises/hmac_auth.py client www --key 'shared k3y'  # on h1"""

import hashlib  # noqa: F401 (for your code)
import hmac  # noqa: F401 (for your code)
import secrets  # noqa: F401 (for your code)
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the chapter's hmac_auth_main
from hmac_auth_main import main  # noqa: E402


def new_challenge():
    """A challenge no one can predict and that never repeats: 32 random bytes."""
    # TODO Exercise 4: Unpredictable, never repeating bytes (which module is for secrets?).
    raise NotImplementedError("Exercise 4: see labs/ch06/README.md")


def answer(key, challenge):
    """The client's proof that it knows key: HMAC-SHA256(key, challenge)."""
    # TODO Exercise 4: HMAC-SHA256 of the challenge under key, as bytes.
    raise NotImplementedError("Exercise 4: see labs/ch06/README.md")


def is_valid(key, challenge, response):
    """Does response prove knowledge of key for this challenge?"""
    # TODO Exercise 4: Compare with the expected answer, in constant time.
    raise NotImplementedError("Exercise 4: see labs/ch06/README.md")


if __name__ == "__main__":
    main(new_challenge, answer, is_valid)
