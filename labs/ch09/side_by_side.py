"""Run one topic of the chapter with requests, urllib.request and http.client, one after the
other, and print what each got back (one JSON line per client). Watch the wire meanwhile:

    ./scripts/capture example --facing www tcp port 80
"""
import argparse
import json
import secrets
from urllib.parse import urlsplit

import labkit
import via_httpclient
import via_requests
import via_urllib

CLIENTS = {"requests": via_requests, "urllib": via_urllib, "http.client": via_httpclient}
TOPICS = ["query", "form", "upload", "headers", "head", "auth", "cookies", "redirects",
          "manual", "moved", "status", "gzip", "keepalive"]
MOVED = "example.org"   # a name of www's that answers every request with a 301 to www


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("topic", choices=TOPICS)
    parser.add_argument("--base", default="http://www.example.com",
                        help="httpbin's address (default %(default)s; try https://...)")
    parser.add_argument("--word", default=secrets.token_hex(4),
                        help="the word to send, so you can find it on the wire")
    parser.add_argument("--client", choices=list(CLIENTS), action="append",
                        help="only this client (repeat for more); default all three")
    args = parser.parse_args()
    base = args.base.rstrip("/")
    if args.topic == "moved":   # a site that moved: www's other name, on --base's scheme
        base = f"{urlsplit(base).scheme}://{MOVED}"
    for name in args.client or CLIENTS:
        result = getattr(CLIENTS[name], args.topic)(base, args.word)
        print(f"{name}: {json.dumps(result)}", flush=True)


if __name__ == "__main__":
    labkit.main(main)
