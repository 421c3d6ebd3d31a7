"""Exercise 4, wrong: looks for "https" anywhere in the URL, not at its scheme."""
import base64


def authorization(url, user, password):
    if "https" not in url.lower():
        raise ValueError(f"{url} is not https")
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
