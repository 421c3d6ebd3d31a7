"""Send HTTP requests exactly as written (any method, any Host or none, any header, a
forged X-Forwarded-For) and print the responses: the chapter's client for poking servers.

    h1$ python3 /labs/ch10/probe.py http://www:10010/
    h1$ python3 /labs/ch10/probe.py http://www:10010/ -H 'Host: evil.example'
    h1$ python3 /labs/ch10/probe.py http://www:10050/sum -X POST -d 'a=1&b=2'
    h1$ echo '[{"url": "http://www:10010/", "headers": {"Host": null}}]' | \\
            python3 /labs/ch10/probe.py --batch

One request prints its status line, headers and body. --batch reads a JSON list of requests
({"url", "method", "headers" (null drops one, Host included), "body"}) from stdin and prints a
JSON list of responses ({"status", "reason", "headers": [[name, value], ...], "body"} or
{"error": "..."}); it stops at the first request that times out.
"""
import argparse
import http.client
import json
import socket
import sys
from urllib.parse import urlsplit

import labkit


def send(url: str, method: str | None = None, headers: dict | None = None, body: str = "",
         timeout: float = 5) -> dict:
    """One request on a connection of its own (a POST when it has a body, unless method
    says otherwise); headers are sent as given, in order."""
    method = method or ("POST" if body else "GET")
    parts = urlsplit(url)
    headers = {"Host": parts.netloc, **(headers or {})}
    if body and "Content-Length" not in headers:
        headers["Content-Type"] = headers.get("Content-Type",
                                              "application/x-www-form-urlencoded")
        headers["Content-Length"] = str(len(body.encode()))
    conn = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=timeout)
    try:
        conn.putrequest(method, parts.path + (f"?{parts.query}" if parts.query else ""),
                        skip_host=True, skip_accept_encoding=True)
        for name, value in headers.items():
            if value is not None:
                conn.putheader(name, value)
        conn.endheaders(body.encode() or None)
        response = conn.getresponse()
        return {"status": response.status, "reason": response.reason,
                "headers": response.getheaders(),
                "body": response.read().decode("utf-8", "replace")}
    finally:
        conn.close()


def batch(timeout: float) -> None:
    out = []
    for request in json.load(sys.stdin):
        try:
            out.append(send(request["url"], request.get("method"),
                            request.get("headers"), request.get("body", ""), timeout))
        except socket.timeout:
            out.append({"error": "timed out"})
            break
        except (OSError, http.client.HTTPException) as exc:
            out.append({"error": f"{type(exc).__name__}: {exc}"})
    print(json.dumps(out))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url", nargs="?", help="e.g. http://www:10010/")
    parser.add_argument("-X", dest="method", help="default: GET, or POST with -d")
    parser.add_argument("-H", dest="headers", action="append", default=[],
                        metavar="'NAME: VALUE'", help="a header (repeat for more)")
    parser.add_argument("-d", dest="body", default="", help="a body (a form by default)")
    parser.add_argument("--timeout", type=labkit.seconds, default=5)
    parser.add_argument("--batch", action="store_true", help="requests as JSON on stdin")
    args = parser.parse_args()
    if args.batch:
        return batch(args.timeout)
    if not args.url:
        labkit.fail("give a URL, or --batch")
    bad = [h for h in args.headers if ":" not in h]
    if bad:
        labkit.fail(f"a header is NAME: VALUE, not {bad[0]!r}")
    headers = {name.strip(): value.strip() for name, value in
               (h.split(":", 1) for h in args.headers)}
    response = send(args.url, args.method, headers, args.body, args.timeout)
    print(f"HTTP/1.1 {response['status']} {response['reason']}")
    for name, value in response["headers"]:
        print(f"{name}: {value}")
    print()
    print(response["body"], end="")


if __name__ == "__main__":
    labkit.main(main)
