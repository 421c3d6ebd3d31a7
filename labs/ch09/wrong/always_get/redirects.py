"""Exercise 3, wrong: every redirect becomes a GET without a body, 307 and 308 included."""
from urllib.parse import urljoin


def next_request(method, url, body, status, location):
    return "GET", urljoin(url, location), None


def follow(send, method, url, body, limit):
    for _ in range(limit + 1):
        status, headers, data = send(method, url, body)
        location = headers.get("Location")
        if status not in (301, 302, 303, 307, 308) or location is None:
            return status, headers, data
        method, url, body = next_request(method, url, body, status, location)
    raise ValueError(f"more than {limit} redirects")

