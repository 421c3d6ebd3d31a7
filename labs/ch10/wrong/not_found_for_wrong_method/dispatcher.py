"""Exercise 1, wrong: answers 404 for a path that exists but not with that method (405 is due)"""
import json
from urllib.parse import parse_qs

FORM = "application/x-www-form-urlencoded"


def read_params(environ):
    fields = parsed(environ.get("QUERY_STRING", ""))
    if environ.get("CONTENT_TYPE", "").split(";")[0].strip().lower() == FORM:
        length = environ.get("CONTENT_LENGTH") or "0"
        if not length.isdigit():
            raise ValueError(f"bad Content-Length {length!r}")
        body = environ["wsgi.input"].read(int(length))
        for name, values in parsed(body.decode("utf-8")).items():
            fields.setdefault(name, []).extend(values)
    repeated = sorted(name for name, values in fields.items() if len(values) > 1)
    if repeated:
        raise ValueError(f"given more than once: {', '.join(repeated)}")
    return {name: values[0] for name, values in fields.items()}


def parsed(text):
    if not text:
        return {}   # strict_parsing refuses an empty string too
    return parse_qs(text, keep_blank_values=True, strict_parsing=True, errors="strict")


def dispatch(routes, environ, start_response):
    methods = routes.get(environ["PATH_INFO"])
    method = environ["REQUEST_METHOD"]
    if methods is None or method not in methods:
        return answer(start_response, "404 Not Found", {"error": "no such resource"})
    try:
        result = methods[method](read_params(environ))
    except (ValueError, KeyError) as exc:
        return answer(start_response, "400 Bad Request", {"error": f"bad input: {exc}"})
    return answer(start_response, "200 OK", result)


def answer(start_response, status, document, headers=()):
    body = json.dumps(document).encode() + b"\n"
    start_response(status, [("Content-Type", "application/json"),
                            ("Content-Length", str(len(body))), *headers])
    return [body]
