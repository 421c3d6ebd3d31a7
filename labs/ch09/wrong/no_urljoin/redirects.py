"""Exercise 3, wrong: pastes a relative Location after scheme://host by hand instead of
urljoin(): right for "/path", wrong for a Location relative to the current path."""
from urllib.parse import urlsplit


def next_request(method, url, body, status, location):
    if "://" not in location:
        parts = urlsplit(url)
        location = f"{parts.scheme}://{parts.hostname}{location}"
    if (status == 303 and method != "HEAD") or (status in (301, 302) and method == "POST"):
        return "GET", location, None
    return method, location, body


def follow(send, method, url, body, limit):
    for _ in range(limit + 1):
        status, headers, data = send(method, url, body)
        location = headers.get("Location")
        if status not in (301, 302, 303, 307, 308) or location is None:
            return status, headers, data
        method, url, body = next_request(method, url, body, status, location)
    raise ValueError(f"more than {limit} redirects")

