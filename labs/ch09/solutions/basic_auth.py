"""Exercise 4, the reference solution."""
import base64
from urllib.parse import urlsplit


def authorization(url, user, password):
    # The scheme, parsed (and lower-cased) by urlsplit: not a word found somewhere in the URL.
    if urlsplit(url).scheme != "https":
        raise ValueError(f"{url} is not https: the password would cross the wire in clear")
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
