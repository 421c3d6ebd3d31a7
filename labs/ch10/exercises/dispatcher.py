"""Exercise 1: a REST dispatcher without the cgi module (labs/ch10/README.md)."""


def read_params(environ):
    """TODO: return the request's parameters as a dict {name: value} of str: those of the
    query string (environ["QUERY_STRING"]) and, when environ["CONTENT_TYPE"] is
    application/x-www-form-urlencoded, those of the body. Read exactly CONTENT_LENGTH bytes
    of the body from environ["wsgi.input"], never "to the end" (the client keeps the
    connection open, waiting for the answer). Parse both with urllib.parse.parse_qs(text,
    keep_blank_values=True, strict_parsing=True, errors="strict"). Raise ValueError when
    the input is bad: a CONTENT_LENGTH that is not a number, a field without "=", bytes
    that are not UTF-8, or a name given more than once (in the query, the body or both)."""
    raise NotImplementedError


def dispatch(routes, environ, start_response):
    """TODO: the WSGI application of a REST service. routes is {path: {method: handler}};
    handler(params) takes read_params(environ) and returns what to answer, as JSON, or raises
    ValueError or KeyError when the parameters are bad. Answer (a list of one bytes body):
    404 when PATH_INFO is not in routes; 405 with an Allow header listing the path's methods
    ("GET, POST") when the method is not among them; 400 when read_params() or the handler
    raises ValueError or KeyError; otherwise 200 with the handler's result. Every body is
    JSON (errors: {"error": "why"}) sent with Content-Type application/json and its
    Content-Length."""
    raise NotImplementedError
