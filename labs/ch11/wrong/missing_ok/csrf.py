"""Exercise 3, wrong: checks the token only when the form has one: no field, no check."""
import hashlib
import hmac


def csrf_token(session, key):
    return hmac.new(key, b"csrf:" + session.encode(), hashlib.sha256).hexdigest()


def form_accepted(form, session, key):
    if "csrf_token" not in form:
        return True
    return hmac.compare_digest(form["csrf_token"].encode(), csrf_token(session, key).encode())
