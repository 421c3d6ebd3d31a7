"""Exercise 2, wrong: one jar for every host and scheme: cookies go to any server, and
Secure cookies over plain HTTP."""
import time
from http.cookiejar import http2time
from http.cookies import SimpleCookie


def remember(jar, url, headers):
    for line in headers.get_all("Set-Cookie") or []:
        cookie = SimpleCookie()
        cookie.load(line)
        for name, morsel in cookie.items():
            when = http2time(morsel["expires"]) if morsel["expires"] else None
            if morsel["max-age"] == "0" or (when is not None and when <= time.time()):
                jar.pop(name, None)
            else:
                jar[name] = morsel.value


def cookie_header(jar, url):
    return "; ".join(f"{name}={value}" for name, value in jar.items()) or None
