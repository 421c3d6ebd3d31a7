"""Chapter 8's benchmark, run by hand on the Docker host (it asserts nothing):

    ./scripts/_run labs/ch08/bench.py [--lookups 200]

Times, from h1 (through both NAT and four routers) and from www itself (next to memcached):
a memcached get that hits, the cache-aside lookup of a miss (the slow computation plus a
get and a set), and a multiprocessing.connection round trip to a server on www, whose
handshake is timed apart.
"""
import argparse
import json

from playground.grading import token
from playground.run import run, serve

PORT = 8090   # the benchmark's own multiprocessing server on www

MEMCACHED = r"""
import json, sys, time, memcache
sys.path.insert(0, "/labs/ch08/solutions")
from cache_aside import fetch
n, prefix = int(sys.argv[1]), sys.argv[2]
mc = memcache.Client(["www:11211"])
t = time.perf_counter()
for i in range(n):
    fetch(mc, f"{prefix}:{i}", lambda: (time.sleep(0.01), i * i)[1], 60)
miss = time.perf_counter() - t
t = time.perf_counter()
for i in range(n):
    mc.get(f"{prefix}:{i}")
hit = time.perf_counter() - t
print(json.dumps({"miss": miss / n * 1000, "hit": hit / n * 1000}))
"""

MP_CLIENT = r"""
import json, sys, time
from multiprocessing.connection import Client
n = int(sys.argv[1])
t = time.perf_counter()
conn = Client(("www", int(sys.argv[2])), authkey=b"bench")
shake = time.perf_counter() - t
t = time.perf_counter()
for i in range(n):
    conn.send(("get", "x")); conn.recv()
trip = time.perf_counter() - t
print(json.dumps({"handshake": shake * 1000, "trip": trip / n * 1000}))
"""

MP_SERVER = r"""
import sys
sys.path.insert(0, "/labs/ch08/solutions")
from mp_service import serve
serve(int(sys.argv[1]), b"bench", lambda request: None)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lookups", type=int, default=200)
    n = parser.parse_args().lookups
    print(f"{n} lookups each, ms per lookup (a miss includes a 10 ms computation)")
    for host in ("h1", "www"):
        mc = json.loads(run(host, "python3", "-c", MEMCACHED, str(n), token(),
                            timeout=120).check().stdout)
        print(f"memcached from {host:4}: hit {mc['hit']:.3f} ms, miss {mc['miss']:.2f} ms")
    with serve("www", "python3", "-c", MP_SERVER, str(PORT), port=PORT):
        for host in ("h1", "www"):
            mp = json.loads(run(host, "python3", "-c", MP_CLIENT, str(n), str(PORT),
                                timeout=120).check().stdout)
            print(f"multiprocessing from {host:4}: handshake {mp['handshake']:.2f} ms, "
                  f"round trip {mp['trip']:.3f} ms")


if __name__ == "__main__":
    main()
