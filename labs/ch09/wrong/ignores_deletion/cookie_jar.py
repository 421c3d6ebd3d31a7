"""Exercise 2, wrong: a cookie that the server deletes (Max-Age=0, Expires in 1970) is
kept, with its new empty value, and sent back."""
from http.cookies import SimpleCookie
from urllib.parse import urlsplit


def remember(jar, url, headers):
    host = urlsplit(url).hostname
    for line in headers.get_all("Set-Cookie") or []:
        cookie = SimpleCookie()
        cookie.load(line)
        for name, morsel in cookie.items():
            jar[(host, name)] = (morsel.value, bool(morsel["secure"]))


def cookie_header(jar, url):
    parts = urlsplit(url)
    pairs = [f"{name}={value}" for (host, name), (value, secure) in jar.items()
             if host == parts.hostname and (parts.scheme == "https" or not secure)]
    return "; ".join(pairs) or None
