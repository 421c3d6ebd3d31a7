"""Exercise 3, wrong: one token for every session: mallory copies hers from her own form."""
import hashlib
import hmac


def csrf_token(session, key):
    return hmac.new(key, b"csrf", hashlib.sha256).hexdigest()


def form_accepted(form, session, key):
    sent = form.get("csrf_token", "")
    return hmac.compare_digest(sent.encode(), csrf_token(session, key).encode())
