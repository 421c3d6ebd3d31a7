"""Exercise 4, wrong: refuses URLs that start with "http://", so "HTTP://" (schemes are
case-insensitive) slips through with the password."""
import base64


def authorization(url, user, password):
    if url.startswith("http://"):
        raise ValueError(f"{url} is not https")
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
