"""Exercise 4, wrong: trusts the host (www.example.com is ours) instead of the scheme, so the
password goes to that host over plain HTTP too."""
import base64
from urllib.parse import urlsplit


def authorization(url, user, password):
    if not (urlsplit(url).hostname or "").endswith("example.com"):
        raise ValueError(f"{url} is not one of our servers")
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
