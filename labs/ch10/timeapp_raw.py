"""The time of day over HTTP, in raw WSGI: a function of the environ dict and
start_response that returns the body as bytes. It answers only GET / for its own names.

    www$ python3 /labs/ch10/timeapp_raw.py                       # wsgiref, port 10010
    www$ gunicorn --bind 0.0.0.0:10010 --chdir /labs/ch10 timeapp_raw:application
    h1$  python3 /labs/ch10/probe.py http://www:10010/
"""
import time

import serving

PORT = 10010
HOSTS = {"www", "www.example.com"}   # the names this site answers for


def application(environ, start_response):
    method = environ["REQUEST_METHOD"]
    host = environ.get("HTTP_HOST", "").split(":")[0]   # the name, without any port
    if method != "GET":
        status, body, extra = "405 Method Not Allowed", b"GET only\n", [("Allow", "GET")]
    elif host.lower() not in HOSTS or environ["PATH_INFO"] != "/":
        status, body, extra = "404 Not Found", b"Not found\n", []
    else:
        status, body, extra = "200 OK", time.ctime().encode("ascii") + b"\n", []
    # WSGI headers are native str; the body must be bytes, whose length we know
    start_response(status, [("Content-Type", "text/plain; charset=utf-8"),
                            ("Content-Length", str(len(body))), *extra])
    return [body]


if __name__ == "__main__":
    serving.main(application, PORT, __doc__)
