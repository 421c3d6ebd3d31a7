"""Exercise 3's program: a site that answers 200 only when host_allowed() (yours, in
exercises/hostcheck.py) says the Host header names it, and 404 otherwise: one server, many
names, and no answers for a name that is not ours.

    www$ python3 /labs/ch10/host_app.py --server gunicorn --allow www.example.com  # 10030
    h1$  python3 /labs/ch10/probe.py http://www:10030/ -H 'Host: WWW.example.com'
    h1$  python3 /labs/ch10/probe.py http://www:10030/ -H 'Host: evil.example'
"""
import argparse

import labkit
import serving

PORT = 10030
host_allowed = labkit.answer("hostcheck").host_allowed


def make_app(allowed: set):
    def application(environ, start_response):
        if host_allowed(environ, allowed):
            status, body = "200 OK", b"Welcome to our site\n"
        else:
            status, body = "404 Not Found", b"No such site here\n"
        start_response(status, [("Content-Type", "text/plain; charset=utf-8"),
                                ("Content-Length", str(len(body)))])
        return [body]
    return application


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--allow", action="append", metavar="NAME", required=True,
                        help="a host name this site answers for (repeat for more)")
    serving.add_options(parser, PORT)
    args = parser.parse_args()
    serving.run(make_app({name.lower() for name in args.allow}), args)


if __name__ == "__main__":
    labkit.main(main)
