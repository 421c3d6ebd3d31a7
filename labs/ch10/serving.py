"""The plumbing the chapter's WSGI programs share: serve an application with wsgiref (the
standard library's reference server, one request at a time) or gunicorn (a pre-fork server
with worker processes, as sites run in production), chosen with --server."""
import argparse
import io
import sys
from wsgiref.simple_server import make_server
from wsgiref.util import setup_testing_defaults

import labkit

SERVERS = ("wsgiref", "gunicorn")


def add_options(parser: argparse.ArgumentParser, port: int, server: str = "wsgiref") -> None:
    parser.add_argument("--port", type=labkit.port, default=port)
    parser.add_argument("--server", choices=SERVERS, default=server)
    parser.add_argument("--workers", type=labkit.positive, default=2,
                        help="gunicorn's worker processes (default 2)")


def rehearse(application) -> None:
    """Call the application once in-process on a made-up GET / (wsgiref's testing environ),
    so an exercise not written yet says so now rather than at the first real request."""
    environ = {"REMOTE_ADDR": "127.0.0.1", "wsgi.input": io.BytesIO()}
    setup_testing_defaults(environ)
    body = application(environ, lambda status, headers, exc_info=None: None)
    b"".join(body)
    getattr(body, "close", lambda: None)()


def run(application, args: argparse.Namespace) -> None:
    rehearse(application)
    if args.server == "wsgiref":
        with make_server("", args.port, application) as httpd:
            print(f"wsgiref serving on port {args.port}", file=sys.stderr, flush=True)
            httpd.serve_forever()
    else:
        gunicorn(application, args.port, args.workers).run()


def main(application, port: int, description: str, server: str = "wsgiref") -> None:
    """The whole program of an application with no options of its own."""
    parser = argparse.ArgumentParser(description=description,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    add_options(parser, port, server)
    labkit.main(lambda: run(application, parser.parse_args()))


def gunicorn(application, port: int, workers: int):
    """gunicorn run from Python, as `gunicorn --bind 0.0.0.0:PORT --workers N module:app`
    would run it from the shell."""
    from gunicorn.app.base import BaseApplication   # only here: wsgiref needs nothing else

    class Embedded(BaseApplication):
        def load_config(self):
            self.cfg.set("bind", f"0.0.0.0:{port}")
            self.cfg.set("workers", workers)
            self.cfg.set("accesslog", "-")   # one line per request, like wsgiref's

        def load(self):
            return application

    return Embedded()
