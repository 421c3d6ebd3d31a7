"""Exercise 3, wrong: the session cookie is the token: known to whoever guesses the cookie."""
import hmac


def csrf_token(session, key):
    return session


def form_accepted(form, session, key):
    return hmac.compare_digest(form.get("csrf_token", "").encode(), session.encode())
