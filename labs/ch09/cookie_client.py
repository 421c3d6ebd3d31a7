"""Exercise 2's program: GET each URL in turn, each on a NEW connection, carrying cookies from
one response into the next requests with remember() and cookie_header() (the student's, in
exercises/cookie_jar.py). Follows no redirect. Prints, per URL:

    STATUS URL cookie: WHAT-WAS-SENT (or "cookie: none")
      BODY (JSON bodies only, on one line)
"""
import argparse
import json

import httpkit
import labkit

jar_module = labkit.answer("cookie_jar")
remember, cookie_header = jar_module.remember, jar_module.cookie_header


def get(url, cookie):
    conn, target = httpkit.connect(url)
    try:
        conn.request("GET", target, headers={"Cookie": cookie} if cookie else {})
        response = conn.getresponse()
        return response, response.read()
    finally:
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("urls", nargs="+", metavar="URL",
                        help="e.g. http://www/cookies/set?a=1 http://www/cookies")
    jar = {}
    for url in parser.parse_args().urls:
        cookie = cookie_header(jar, url)
        response, body = get(url, cookie)
        remember(jar, url, response.headers)
        print(f"{response.status} {url} cookie: {cookie or 'none'}")
        if response.headers.get_content_type() == "application/json":
            print("  " + json.dumps(json.loads(body)))


if __name__ == "__main__":
    labkit.main(main)
