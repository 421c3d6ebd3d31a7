"""Download a URL and say how big it was, its SHA-256 and how long it took.

    h1$ python3 /labs/ch10/download.py http://www:10040/python3/copyright
"""
import argparse
import hashlib
import time
import urllib.request

import labkit


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url")
    parser.add_argument("--timeout", type=labkit.seconds, default=30)
    args = parser.parse_args()
    start = time.monotonic()
    digest, size = hashlib.sha256(), 0
    with urllib.request.urlopen(args.url, timeout=args.timeout) as response:
        while chunk := response.read(65536):
            digest.update(chunk)
            size += len(chunk)
    print(f"{size} bytes sha256={digest.hexdigest()} in {time.monotonic() - start:.2f} s")


if __name__ == "__main__":
    labkit.main(main)
