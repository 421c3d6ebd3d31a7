"""Exercise 3, wrong: a SHA-256 of the session without the key: another server's token passes."""
import hashlib
import hmac


def csrf_token(session, key):
    return hashlib.sha256(b"csrf:" + session.encode()).hexdigest()


def form_accepted(form, session, key):
    sent = form.get("csrf_token", "")
    return hmac.compare_digest(sent.encode(), csrf_token(session, key).encode())
