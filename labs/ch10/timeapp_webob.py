"""The time of day over HTTP with WebOb: the same site as timeapp_raw.py, with the environ
wrapped in a Request and the answer built as a Response (which computes Content-Length and
encodes the text itself).

    www$ python3 /labs/ch10/timeapp_webob.py --server gunicorn   # port 10011
    www$ gunicorn --bind 0.0.0.0:10011 --chdir /labs/ch10 timeapp_webob:application
"""
import time

import webob

import serving

PORT = 10011
HOSTS = {"www", "www.example.com"}


def application(environ, start_response):
    request = webob.Request(environ)
    response = webob.Response(content_type="text/plain", charset="utf-8")
    if request.method != "GET":
        response.status, response.text, response.allow = 405, "GET only\n", ["GET"]
    elif request.domain.lower() not in HOSTS or request.path != "/":   # domain: no port
        response.status, response.text = 404, "Not found\n"
    else:
        response.text = time.ctime() + "\n"
    return response(environ, start_response)


if __name__ == "__main__":
    serving.main(application, PORT, __doc__)
