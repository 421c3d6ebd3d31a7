"""Exercise 4: a basic-auth client that keeps the password off plain HTTP
(labs/ch09/README.md)."""


def authorization(url, user, password):
    """TODO: the value of the Authorization header that sends `user` and `password` with
    HTTP Basic authentication ("Basic " and base64 of "user:password", UTF-8) in a request
    to `url`; raise ValueError, saying why, when `url` is not https: the header is only
    encoded, and anyone on the path of plain HTTP can decode it."""
    raise NotImplementedError
