"""Exercise 2, wrong: headers["Set-Cookie"] is only the FIRST Set-Cookie header; the others
of the same response are lost."""
from http.cookies import SimpleCookie
from urllib.parse import urlsplit


def remember(jar, url, headers):
    line = headers["Set-Cookie"]
    if line is None:
        return
    cookie = SimpleCookie()
    cookie.load(line)
    host = urlsplit(url).hostname
    for name, morsel in cookie.items():
        if morsel["max-age"] == "0":
            jar.pop((host, name), None)
        else:
            jar[(host, name)] = (morsel.value, bool(morsel["secure"]))


def cookie_header(jar, url):
    parts = urlsplit(url)
    pairs = [f"{name}={value}" for (host, name), (value, secure) in jar.items()
             if host == parts.hostname and (parts.scheme == "https" or not secure)]
    return "; ".join(pairs) or None
