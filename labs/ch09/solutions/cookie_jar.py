"""Exercise 2, the reference solution. The jar maps (host, name) to (value, secure)."""
import time
from http.cookiejar import http2time
from http.cookies import SimpleCookie
from urllib.parse import urlsplit


def remember(jar, url, headers):
    host = urlsplit(url).hostname
    for line in headers.get_all("Set-Cookie") or []:   # each header on its own: an Expires
        cookie = SimpleCookie()                         # date contains a comma
        cookie.load(line)
        for name, morsel in cookie.items():
            if expired(morsel):
                jar.pop((host, name), None)
            else:
                jar[(host, name)] = (morsel.value, bool(morsel["secure"]))


def expired(morsel):
    if morsel["max-age"] != "":
        return int(morsel["max-age"]) <= 0
    when = http2time(morsel["expires"]) if morsel["expires"] else None
    return when is not None and when <= time.time()


def cookie_header(jar, url):
    parts = urlsplit(url)
    pairs = [f"{name}={value}" for (host, name), (value, secure) in jar.items()
             if host == parts.hostname and (parts.scheme == "https" or not secure)]
    return "; ".join(pairs) or None
