"""Exercise 2: a cookie-carrying session without requests.Session (labs/ch09/README.md)."""


def remember(jar, url, headers):
    """TODO: update the dict `jar` (yours to organise; it starts empty) with every Set-Cookie
    header of a response to `url` (`headers` is the response's http.client.HTTPMessage: mind
    that a response can carry several Set-Cookie headers). A cookie belongs to the host of
    `url` only; remember whether it is Secure; a cookie with Max-Age=0 or an Expires date in
    the past deletes the one of that name. Attributes (Path, Expires, ...) are not cookies."""
    raise NotImplementedError


def cookie_header(jar, url):
    """TODO: the value of the Cookie header for a request to `url` ("a=1; b=2"), or None if
    no cookie goes there: only the cookies of that host, and Secure ones only over https."""
    raise NotImplementedError
