"""Exercise 2, wrong: every name=value of a Set-Cookie line is taken for a cookie, so the
attributes (Path=/, Max-Age=0, Expires=...) are sent back as cookies too."""
from urllib.parse import urlsplit


def remember(jar, url, headers):
    host = urlsplit(url).hostname
    for line in headers.get_all("Set-Cookie") or []:
        secure = "secure" in line.lower()
        for part in line.split(";"):
            if "=" in part:
                name, value = part.strip().split("=", 1)
                jar[(host, name)] = (value, secure)


def cookie_header(jar, url):
    parts = urlsplit(url)
    pairs = [f"{name}={value}" for (host, name), (value, secure) in jar.items()
             if host == parts.hostname and (parts.scheme == "https" or not secure)]
    return "; ".join(pairs) or None
