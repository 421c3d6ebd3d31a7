"""Exercise 3, wrong: counts the first request as a redirect, so a chain of exactly `limit`
redirects is refused."""
from urllib.parse import urljoin


def next_request(method, url, body, status, location):
    target = urljoin(url, location)
    if (status == 303 and method != "HEAD") or (status in (301, 302) and method == "POST"):
        return "GET", target, None
    return method, target, body


def follow(send, method, url, body, limit):
    for _ in range(limit):
        status, headers, data = send(method, url, body)
        location = headers.get("Location")
        if status not in (301, 302, 303, 307, 308) or location is None:
            return status, headers, data
        method, url, body = next_request(method, url, body, status, location)
    raise ValueError(f"more than {limit} redirects")
