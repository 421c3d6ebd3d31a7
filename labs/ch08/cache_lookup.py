"""Exercise 1's program: squares that take a while to compute, looked up through memcached
with fetch() (the student's cache-aside, in exercises/cache_aside.py). Prints each square,
then how many lookups the cache answered; run it twice and the second run is all hits.

    python3 /labs/ch08/cache_lookup.py www 3 4 3 0 --prefix $(hostname)-demo
    python3 /labs/ch08/cache_lookup.py www --random 20 --upto 30   # hit ratio, run after run
"""
import argparse
import random
import socket
import time

import memcache

import labkit

PORT = 11211
DELAY = 0.1   # what a slow database or computation costs per lookup
fetch = labkit.answer("cache_aside").fetch


def slow_square(n: int) -> int:
    time.sleep(DELAY)
    return n * n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("server", help="where memcached runs: HOST or HOST:PORT")
    parser.add_argument("numbers", nargs="*", type=int)
    parser.add_argument("--random", type=labkit.positive, metavar="K",
                        help="look up K random numbers below --upto instead")
    parser.add_argument("--upto", type=labkit.positive, default=30)
    parser.add_argument("--prefix", default=f"ch08-{socket.gethostname()}",
                        help="put before every key, so that your keys are yours alone")
    parser.add_argument("--ttl", type=labkit.positive, default=60,
                        help="seconds memcached keeps a value")
    args = parser.parse_args()
    numbers = args.numbers or [random.randrange(args.upto) for _ in range(args.random or 10)]
    server = args.server if ":" in args.server else f"{args.server}:{PORT}"
    mc = memcache.Client([server])
    misses = 0
    started = time.monotonic()
    for n in numbers:
        computed = []

        def compute(n=n):
            computed.append(n)
            return slow_square(n)

        print(n, fetch(mc, f"{args.prefix}:{n}", compute, args.ttl))
        misses += len(computed)
    hits = len(numbers) - misses
    print(f"hits {hits} misses {misses} ratio {hits / len(numbers):.2f} "
          f"in {time.monotonic() - started:.2f} s")


if __name__ == "__main__":
    labkit.main(main)
