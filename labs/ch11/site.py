"""A small static web site for crawlers: serves the files of a folder, and logs every
request (time, method, path, status, User-Agent) as one JSON line on stdout, the access
log the crawler exercise is graded by. Folders without index.html are not listed.

    www$ python3 /labs/ch11/site.py --root /labs/ch11/sample_site
    h1$  python3 /labs/ch11/crawler.py http://www.example.com:11020/
"""
import argparse
import json
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import labkit

PORT = 11020
ROOT = "/labs/ch11/sample_site"


class Logged(SimpleHTTPRequestHandler):
    def log_request(self, code="-", size="-"):
        print(json.dumps({"t": round(time.time(), 3), "method": self.command,
                          "path": self.path, "status": int(code),
                          "agent": self.headers.get("User-Agent", "")}), flush=True)

    def log_message(self, format, *args):
        pass   # log_request() says all there is, once per request

    def list_directory(self, path):
        self.send_error(404, "No listing here")


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=labkit.port, default=PORT)
    parser.add_argument("--root", default=ROOT, help="the folder to serve")
    args = parser.parse_args()
    handler = partial(Logged, directory=args.root)
    ThreadingHTTPServer(("", args.port), handler).serve_forever()


if __name__ == "__main__":
    labkit.main(main)
