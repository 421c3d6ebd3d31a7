"""Which of N cache servers holds a key? Three ways, compared on the different words of a
text (the GPL, on every host): the key's first letter, Python's hash(), and md5. For each,
how many keys each server gets, and how many move to another server when one more server
joins (hash % N, then % N+1; runs of letters cut anew). Run it twice: hash() of a str is
salted anew in every process, so its column changes and two clients would disagree on where
a key lives.

    python3 /labs/ch08/sharding.py --servers 4
"""
import argparse
import hashlib
import re
import string

import labkit

TEXT = "/usr/share/common-licenses/GPL-3"


def first_letter(word: str, n: int) -> int:
    """Split the alphabet into n runs of letters: a-g, h-m, ... for 4 servers."""
    return string.ascii_lowercase.index(word[0]) * n // 26


def python_hash(word: str, n: int) -> int:
    return hash(word) % n


def md5(word: str, n: int) -> int:
    return int.from_bytes(hashlib.md5(word.encode()).digest(), "big") % n


SCHEMES = {"first-letter": first_letter, "hash()": python_hash, "md5": md5}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--servers", type=labkit.positive, default=4)
    parser.add_argument("--text", default=TEXT, help="where the words come from")
    args = parser.parse_args()
    with open(args.text) as f:
        words = sorted(set(re.findall(r"[a-z]+", f.read().lower())))
    n = args.servers
    print(f"{len(words)} words over {n} servers; 'moved' is the share that changes server "
          f"when server {n + 1} joins")
    for name, scheme in SCHEMES.items():
        counts = [0] * n
        moved = 0
        for word in words:
            counts[scheme(word, n)] += 1
            moved += scheme(word, n) != scheme(word, n + 1)
        print(f"{name:>13}: {' '.join(f'{c:5d}' for c in counts)}   "
              f"moved {moved / len(words):.0%}")


if __name__ == "__main__":
    labkit.main(main)
