"""Exercise 3, the reference solution."""
from urllib.parse import urljoin

REDIRECTS = {301, 302, 303, 307, 308}


def next_request(method, url, body, status, location):
    target = urljoin(url, location)
    if (status == 303 and method != "HEAD") or (status in (301, 302) and method == "POST"):
        return "GET", target, None
    return method, target, body


def follow(send, method, url, body, limit):
    for _ in range(limit + 1):   # the first request and at most `limit` redirects
        status, headers, data = send(method, url, body)
        location = headers.get("Location")
        if status not in REDIRECTS or location is None:
            return status, headers, data
        method, url, body = next_request(method, url, body, status, location)
    raise ValueError(f"more than {limit} redirects")
