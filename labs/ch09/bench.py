"""Chapter 9's benchmark, run by hand on the Docker host (it asserts nothing):

    ./scripts/_run labs/ch09/bench.py [--requests 50]

Fetches N small resources from httpbin on www, from h2, three ways: over ONE connection
(exercise 1's reference fetch_all), with a new connection each (urllib.request.urlopen),
and over https both ways; prints the time per request and how many TCP handshakes each took.
"""
import argparse
import json

from playground.run import run

SCRIPT = r"""
import json, sys, time, urllib.request, http.client
sys.path.insert(0, "/labs/ch09/solutions")
from keepalive import fetch_all
n, scheme = int(sys.argv[1]), sys.argv[2]
paths = [f"/anything/bench/{i}" for i in range(n)]
host = "www.example.com"
t = time.perf_counter()
if scheme == "http":
    fetch_all(host, 80, paths)
else:
    conn = http.client.HTTPSConnection(host)
    for p in paths:
        conn.request("GET", p); conn.getresponse().read()
    conn.close()
one = time.perf_counter() - t
t = time.perf_counter()
for p in paths:
    urllib.request.urlopen(f"{scheme}://{host}{p}", timeout=10).read()
each = time.perf_counter() - t
print(json.dumps({"one": one / n * 1000, "each": each / n * 1000}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=50)
    n = parser.parse_args().requests
    print(f"{n} GETs of /anything from h2 to www, ms per request")
    print(f"{'':8}{'one connection':>16}{'one per request':>18}")
    for scheme in ("http", "https"):
        figures = json.loads(run("h2", "python3", "-c", SCRIPT, str(n), scheme,
                                 timeout=120).check().stdout)
        print(f"{scheme:8}{figures['one']:>13.2f} ms{figures['each']:>15.2f} ms")


if __name__ == "__main__":
    main()
