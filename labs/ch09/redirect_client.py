"""Exercise 3's program: send METHOD URL (with --data as the body) and follow the redirects
with follow() and next_request() (the student's, in exercises/redirects.py), at most --limit
of them. Each request goes out on a connection of its own; one line per hop:

    METHOD URL -> STATUS

then the final response's body. More redirects than the limit: one line, exit 1.
"""
import argparse

import httpkit
import labkit

student = labkit.answer("redirects")


def send(method, url, body):
    """One request: (status, headers, body) of its response."""
    conn, target = httpkit.connect(url)
    try:
        headers = {"Content-Type": "text/plain; charset=utf-8"} if body is not None else {}
        conn.request(method, target, body=body, headers=headers)
        response = conn.getresponse()
        data = response.read()
    finally:
        conn.close()
    print(f"{method} {url} -> {response.status}", flush=True)
    return response.status, response.headers, data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("method", type=str.upper, help="GET, POST, PUT, ...")
    parser.add_argument("url", help="e.g. 'http://www/redirect-to?url=/anything&status_code=307'")
    parser.add_argument("--data", help="the request body (text)")
    parser.add_argument("--limit", type=int, default=10, help="most redirects to follow")
    args = parser.parse_args()
    body = args.data.encode() if args.data is not None else None
    try:
        status, _, data = student.follow(send, args.method, args.url, body, args.limit)
    except ValueError:
        labkit.fail(f"more than {args.limit} redirects: stopped")
    print(data.decode(errors="replace").rstrip("\n"))


if __name__ == "__main__":
    labkit.main(main)
