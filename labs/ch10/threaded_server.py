"""Files from a folder over HTTP with http.server: ThreadingHTTPServer gives each connection
a thread of its own, so two downloads run side by side; --single uses HTTPServer, which
serves one connection at a time while the next client waits. --rate paces each download
(bytes per second) so that a small file takes long enough to watch.

    www$ python3 /labs/ch10/threaded_server.py --directory /usr/share/doc   # port 10040
    h1$  python3 /labs/ch10/download.py http://www:10040/python3/copyright
"""
import argparse
import functools
import shutil
import sys
import time
from http.server import HTTPServer, SimpleHTTPRequestHandler, ThreadingHTTPServer

import labkit

PORT = 10040
CHUNK = 16384


class PacedHandler(SimpleHTTPRequestHandler):
    rate = 0   # bytes per second; 0: as fast as the network takes them

    def copyfile(self, source, outputfile):
        if not self.rate:
            return shutil.copyfileobj(source, outputfile)
        while chunk := source.read(CHUNK):
            outputfile.write(chunk)
            time.sleep(len(chunk) / self.rate)   # this thread waits; with threads, no other


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--directory", required=True, help="the folder to serve")
    parser.add_argument("--port", type=labkit.port, default=PORT)
    parser.add_argument("--rate", type=labkit.positive, help="bytes per second per download")
    parser.add_argument("--single", action="store_true", help="HTTPServer: one at a time")
    args = parser.parse_args()
    PacedHandler.rate = args.rate or 0
    server_class = HTTPServer if args.single else ThreadingHTTPServer
    handler = functools.partial(PacedHandler, directory=args.directory)
    with server_class(("", args.port), handler) as httpd:
        print(f"{server_class.__name__} serving {args.directory} on port {args.port}",
              file=sys.stderr, flush=True)
        httpd.serve_forever()


if __name__ == "__main__":
    labkit.main(main)
