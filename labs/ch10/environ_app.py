"""A raw WSGI application that answers with what the server handed it: the CGI-style keys
of the environ dict (REQUEST_METHOD, PATH_INFO, QUERY_STRING, SERVER_PORT, REMOTE_ADDR,
CONTENT_*, every header as HTTP_*), the wsgi.* keys by type, and the body it read.

    www$ python3 /labs/ch10/environ_app.py                 # wsgiref on port 10013
    www$ python3 /labs/ch10/environ_app.py --server gunicorn --port 10021   # behind nginx
    h1$  python3 /labs/ch10/probe.py 'http://www:10013/a%20b?x=1' -d 'y=2'
"""
import json

import serving

PORT = 10013
CGI = {"REQUEST_METHOD", "SCRIPT_NAME", "PATH_INFO", "QUERY_STRING", "CONTENT_TYPE",
       "CONTENT_LENGTH", "SERVER_NAME", "SERVER_PORT", "SERVER_PROTOCOL", "REMOTE_ADDR",
       "REMOTE_PORT"}   # wsgiref also copies its own process's environment in: left out


def body_of(environ) -> bytes:
    """Exactly CONTENT_LENGTH bytes: wsgi.input is the connection itself under some servers,
    so reading "to the end" would wait for a client that is waiting for us."""
    length = environ.get("CONTENT_LENGTH") or "0"
    return environ["wsgi.input"].read(int(length)) if length.isdigit() else b""


def application(environ, start_response):
    shown = {key: value for key, value in environ.items()
             if key in CGI or key.startswith("HTTP_")}
    shown.update({key: repr(value) if isinstance(value, (str, bool, tuple))
                  else type(value).__name__
                  for key, value in environ.items() if key.startswith("wsgi.")})
    shown["body"] = body_of(environ).decode("latin-1")
    payload = json.dumps(shown, indent=1, sort_keys=True).encode() + b"\n"
    start_response("200 OK", [("Content-Type", "application/json"),
                              ("Content-Length", str(len(payload)))])
    return [payload]


if __name__ == "__main__":
    serving.main(application, PORT, __doc__)
