"""Exercise 4's program: GET URL as --user with the password read from standard input (never
from the command line, where ps shows it), following up to 5 redirects; before every request
authorization() (the student's, in exercises/basic_auth.py) gives the Authorization header,
or refuses. Prints `STATUS URL` per request, then the final body; a refusal is one line."""
import argparse
import sys
from urllib.parse import urljoin

import httpkit
import labkit

authorization = labkit.answer("basic_auth").authorization
HOPS = 5


def get(url, credentials):
    conn, target = httpkit.connect(url)
    try:
        conn.request("GET", target, headers={"Authorization": credentials})
        response = conn.getresponse()
        return response, response.read()
    finally:
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("url", help="e.g. https://www.example.com/basic-auth/student/abc123")
    parser.add_argument("--user", required=True)
    args = parser.parse_args()
    password = sys.stdin.readline().rstrip("\n")
    url = args.url
    for _ in range(HOPS + 1):
        try:
            credentials = authorization(url, args.user, password)
        except ValueError as e:
            labkit.fail(f"refused: {e}")
        response, body = get(url, credentials)
        print(f"{response.status} {url}", flush=True)
        if response.status not in (301, 302, 303, 307, 308):
            print(body.decode(errors="replace").rstrip("\n"))
            return
        url = urljoin(url, response.headers["Location"])
    labkit.fail(f"more than {HOPS} redirects")


if __name__ == "__main__":
    labkit.main(main)
