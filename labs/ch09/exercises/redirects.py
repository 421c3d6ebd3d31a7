"""Exercise 3: a redirect follower that knows its methods (labs/ch09/README.md)."""


def next_request(method, url, body, status, location):
    """TODO: the (method, url, body) to send after `method url` (with `body`, bytes or None)
    was answered with the redirect `status` and the Location header `location`: the URL is
    `location` resolved against `url` (it may be relative); 303 turns any method but HEAD
    into GET without a body; 301 and 302 turn POST (only POST) into GET without a body;
    307 and 308 keep the method and the body."""
    raise NotImplementedError


def follow(send, method, url, body, limit):
    """TODO: send the request with send(method, url, body) -> (status, headers, body) and
    follow redirects (301, 302, 303, 307, 308 with a Location header) with next_request()
    until a response is not one; return that (status, headers, body). Follow at most `limit`
    redirects: when one more would be needed, raise ValueError without sending it."""
    raise NotImplementedError
