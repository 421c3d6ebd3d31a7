"""Exercise 1's program: a small REST service (Python Cookbook 11.5's, without the cgi
module) whose routing, parameters and status codes are dispatch() and read_params() (yours,
in exercises/dispatcher.py). --prefix puts every path under a folder of your choice.

    www$ python3 /labs/ch10/rest_app.py --prefix /api         # wsgiref on port 10050
    h1$  python3 /labs/ch10/probe.py 'http://www:10050/api/hello?name=Ada'
    h1$  python3 /labs/ch10/probe.py http://www:10050/api/sum -d 'a=2&b=40'
    h1$  python3 /labs/ch10/probe.py http://www:10050/api/sum       # GET: 405, Allow: POST
"""
import argparse
import time

import labkit
import serving

PORT = 10050
dispatch = labkit.answer("dispatcher").dispatch


def hello(params):
    return {"message": f"Hello {params['name']}"}   # no name: KeyError, a 400


def add(params):
    return {"sum": int(params["a"]) + int(params["b"])}   # not whole numbers: ValueError


def localtime(params):
    return {"time": time.strftime("%Y-%m-%dT%H:%M:%S%z")}


def make_app(prefix: str):
    routes = {f"{prefix}/hello": {"GET": hello, "POST": hello},
              f"{prefix}/sum": {"POST": add},
              f"{prefix}/localtime": {"GET": localtime}}
    return lambda environ, start_response: dispatch(routes, environ, start_response)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--prefix", default="", help="e.g. /api (default: none)")
    serving.add_options(parser, PORT)
    args = parser.parse_args()
    if args.prefix and (not args.prefix.startswith("/") or args.prefix.endswith("/")):
        labkit.fail(f"--prefix must start with / and not end with one: {args.prefix!r}")
    serving.run(make_app(args.prefix), args)


if __name__ == "__main__":
    labkit.main(main)
