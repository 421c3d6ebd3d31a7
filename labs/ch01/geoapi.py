"""What the chapter's geocoding clients share: the command line, the query path and the report.

Every client asks www's API the same question and prints the answer through report(), so that
clients written at different layers (requests, http.client, a raw socket) print identical lines.
"""
import argparse
import json
from urllib.parse import urlencode

import labkit

DEFAULT_HOST = "www.example.com"
API_PATH = "/geocode/json"


def parse_args(description):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("address", nargs="+", help="the place to look up, e.g. Tokyo Tower")
    parser.add_argument("--host", default=DEFAULT_HOST,
                        help="API server (default: %(default)s)")
    parser.add_argument("--port", type=labkit.port, default=80,
                        help="API port (default: %(default)s)")
    args = parser.parse_args()
    args.address = " ".join(args.address)
    return args


def query_path(address):
    """The request target, encoded the way requests encodes params (spaces become '+')."""
    return API_PATH + "?" + urlencode({"address": address})


def report(body):
    """Print `lat, lng` of the first result, or `no results`; exit with a message on junk."""
    try:
        answer = json.loads(body.decode("utf-8"))
        status = answer["status"]
        if status == "ZERO_RESULTS":
            print("no results")
            return
        location = answer["results"][0]["geometry"]["location"]
        lat, lng = location["lat"], location["lng"]
    except (UnicodeDecodeError, ValueError, KeyError, IndexError, TypeError) as exc:
        labkit.fail(f"the server's answer is not the expected JSON ({exc.__class__.__name__})")
    if status != "OK":
        labkit.fail(f"the API answered status {status}")
    print(f"{lat}, {lng}")
