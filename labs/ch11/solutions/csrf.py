"""Exercise 3, the reference solution: a token derived from the session under the key."""
import hashlib
import hmac


def csrf_token(session, key):
    return hmac.new(key, b"csrf:" + session.encode(), hashlib.sha256).hexdigest()


def form_accepted(form, session, key):
    sent = form.get("csrf_token", "")
    return hmac.compare_digest(sent.encode(), csrf_token(session, key).encode())
