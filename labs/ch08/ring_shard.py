"""Exercise 2's program: spread keys over several memcached servers with build_ring() and
server_for() (the student's consistent-hash ring, in exercises/ring.py).

    python3 /labs/ch08/ring_shard.py map --servers a,b,c --keys 3000        # who gets what
    python3 /labs/ch08/ring_shard.py store --servers www:8011,www:8012,www:8013 --prefix P
    python3 /labs/ch08/ring_shard.py check --servers www:8011,www:8012,www:8013,www:8014 --prefix P

`map` only computes; `store` sets every key on its server; `check`, in a later run with
other servers, gets every key from the server the ring names now: a key whose server did
not change is a hit, one that moved is a miss. Each prints `KEY SERVER [hit|miss]` per key,
then a count per server.
"""
import argparse
import collections

import memcache

import labkit

ring_module = labkit.answer("ring")
build_ring, server_for = ring_module.build_ring, ring_module.server_for


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=["map", "store", "check"])
    parser.add_argument("--servers", required=True, type=lambda s: s.split(","),
                        help="comma-separated names (HOST:PORT for store and check)")
    parser.add_argument("--keys", type=labkit.positive, default=1000, help="how many keys")
    parser.add_argument("--prefix", default="key", help="the keys are PREFIX:0, PREFIX:1, ...")
    args = parser.parse_args()
    ring = build_ring(args.servers)
    clients = {s: memcache.Client([s]) for s in args.servers} if args.action != "map" else {}
    counts = collections.Counter()
    for i in range(args.keys):
        key = f"{args.prefix}:{i}"
        server = server_for(ring, key)
        if server not in args.servers:
            labkit.fail(f"server_for() named {server!r}, not one of the servers")
        counts[server] += 1
        if args.action == "store" and not clients[server].set(key, i):
            labkit.fail(f"{server} did not store {key}")
        if args.action == "check":
            print(key, server, "hit" if clients[server].get(key) == i else "miss")
        else:
            print(key, server)
    for server in args.servers:
        print(f"{server}: {counts[server]} keys")


if __name__ == "__main__":
    labkit.main(main)
