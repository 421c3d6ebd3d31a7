"""Exercise 4, wrong: urlsafe_b64encode (- and _ for + and /) is not the base64 that Basic
authentication uses: some passwords fail."""
import base64
from urllib.parse import urlsplit


def authorization(url, user, password):
    if urlsplit(url).scheme != "https":
        raise ValueError(f"{url} is not https")
    return "Basic " + base64.urlsafe_b64encode(f"{user}:{password}".encode()).decode()
