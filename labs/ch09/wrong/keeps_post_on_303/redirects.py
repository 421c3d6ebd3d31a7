"""Exercise 3, wrong: only 301 and 302 change POST into GET; 303 keeps the method and body."""
from urllib.parse import urljoin


def next_request(method, url, body, status, location):
    if status in (301, 302) and method == "POST":
        return "GET", urljoin(url, location), None
    return method, urljoin(url, location), body


def follow(send, method, url, body, limit):
    for _ in range(limit + 1):
        status, headers, data = send(method, url, body)
        location = headers.get("Location")
        if status not in (301, 302, 303, 307, 308) or location is None:
            return status, headers, data
        method, url, body = next_request(method, url, body, status, location)
    raise ValueError(f"more than {limit} redirects")

