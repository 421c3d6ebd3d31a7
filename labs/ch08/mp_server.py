"""Exercise 4's program: a notebook shared by Python programs on other hosts, served with
multiprocessing.connection by serve() (the student's, in exercises/mp_service.py).

Requests and replies are Python objects, pickled on the wire: ("put", NAME, VALUE) stores any
picklable VALUE and answers True; ("get", NAME) answers the value or None; ("names",) the
sorted names. Only clients that know the key are served; the key authenticates, it does not
encrypt (watch the capture).

    www$ python3 /labs/ch08/mp_server.py --key 'a long shared secret'
"""
import argparse
import threading

import labkit

PORT = 8050
serve = labkit.answer("mp_service").serve
notes: dict = {}
lock = threading.Lock()   # serve() may call handle() from several threads at once


def handle(request):
    """The reply to one request; a request we do not know is answered with a ValueError
    object (not raised: the client decides what to do with it)."""
    match request:
        case ("put", str(name), value):
            with lock:
                notes[name] = value
            return True
        case ("get", str(name)):
            with lock:
                return notes.get(name)
        case ("names",):
            with lock:
                return sorted(notes)
    return ValueError(f"not a request: {request!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=labkit.port, default=PORT)
    parser.add_argument("--key", default="ch08 shared secret", help="the shared authkey")
    args = parser.parse_args()
    print(f"serving on port {args.port}", flush=True)
    serve(args.port, args.key.encode(), handle)


if __name__ == "__main__":
    labkit.main(main)
