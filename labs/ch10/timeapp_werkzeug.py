"""The time of day over HTTP with Werkzeug: the same site again; Request.application turns a
function of a Request that returns a Response into a WSGI application.

    www$ python3 /labs/ch10/timeapp_werkzeug.py --server gunicorn   # port 10012
    www$ gunicorn --bind 0.0.0.0:10012 --chdir /labs/ch10 timeapp_werkzeug:application
"""
import time

from werkzeug.wrappers import Request, Response

import serving

PORT = 10012
HOSTS = {"www", "www.example.com"}


@Request.application
def application(request: Request) -> Response:
    if request.method != "GET":
        return Response("GET only\n", status=405, headers={"Allow": "GET"})
    if request.host.split(":")[0].lower() not in HOSTS or request.path != "/":
        return Response("Not found\n", status=404)
    return Response(time.ctime() + "\n")   # text/plain; charset=utf-8 is Werkzeug's default


if __name__ == "__main__":
    serving.main(application, PORT, __doc__)
