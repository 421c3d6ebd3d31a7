"""Exercise 2's program: a WSGI application that tells each client its own address, as
client_address() (yours, in exercises/forwarded.py) works it out. It runs under gunicorn
on port 10021, behind nginx (nginx.conf, port 10020), and can be reached both ways:

    www$ python3 /labs/ch10/whoami_app.py        # gunicorn on port 10021
    www$ nginx -c /labs/ch10/nginx.conf -e /tmp/ch10-nginx-error.log     # port 10020
    h1$  python3 /labs/ch10/probe.py http://www:10020/ -H 'X-Forwarded-For: 1.2.3.4'
    h1$  python3 /labs/ch10/probe.py http://www:10021/ -H 'X-Forwarded-For: 1.2.3.4'
"""
import json

import labkit
import serving

PORT = 10021
PROXIES = {"127.0.0.1"}   # nginx runs on this host and reaches gunicorn over loopback
client_address = labkit.answer("forwarded").client_address


def application(environ, start_response):
    body = json.dumps({"client": client_address(environ, PROXIES),
                       "remote_addr": environ["REMOTE_ADDR"],
                       "x_forwarded_for": environ.get("HTTP_X_FORWARDED_FOR")}).encode() + b"\n"
    start_response("200 OK", [("Content-Type", "application/json"),
                              ("Content-Length", str(len(body)))])
    return [body]


if __name__ == "__main__":
    serving.main(application, PORT, __doc__, server="gunicorn")
