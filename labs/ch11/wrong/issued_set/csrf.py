"""Exercise 3, wrong: any token the bank ever issued passes, whoever it was issued to."""
import secrets

ISSUED = set()


def csrf_token(session, key):
    token = secrets.token_hex(16)
    ISSUED.add(token)
    return token


def form_accepted(form, session, key):
    return form.get("csrf_token") in ISSUED
