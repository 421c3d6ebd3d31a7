"""Chapter 7's benchmark, run by hand on the Docker host (it asserts nothing):

    ./scripts/_run labs/ch07/bench.py [--seconds 2] [--clients 200]

For each server architecture: start it on www, run load.py on h1-h4 at once with 1, 10, 100
and 200 clients in all, and print requests per second, the median and 99th-percentile
latency and the errors (ours must hold 200 clients from four hosts with none). Load stays
inside the playground and stops by itself.
"""
import argparse
import json
import statistics
from concurrent.futures import ThreadPoolExecutor

from playground.run import run, serve

LAB = "/labs/ch07"
SERVERS = [          # name, port, argv on www
    ("single", 7001, ["python3", f"{LAB}/single.py"]),
    ("pool of 8", 7002, ["python3", f"{LAB}/pool.py", "--workers", "8"]),
    ("thread per client", 7003, ["python3", f"{LAB}/threads.py"]),
    ("selectors loop", 7004, ["python3", f"{LAB}/eventloop.py"]),
    ("asyncio", 7005, ["python3", f"{LAB}/async_server.py"]),
    ("ex1 pool+selector, 8", 7010, ["env", "PLAYGROUND_ANSWERS=solutions", "python3",
                                    f"{LAB}/pool_server.py", "--workers", "8"]),
    ("ex2 poll loop", 7020, ["env", "PLAYGROUND_ANSWERS=solutions", "python3",
                             f"{LAB}/poll_server.py"]),
]
HOSTS = ["h1", "h2", "h3", "h4"]
LEVELS = [1, 10, 100, 200]


def spread(clients: int) -> dict:
    """clients shared out over h1-h4 (1 client: h1 only)."""
    share = {h: clients // len(HOSTS) for h in HOSTS}
    for h in HOSTS[:clients % len(HOSTS)]:
        share[h] += 1
    return {h: n for h, n in share.items() if n}


def measure(port: int, clients: int, seconds: float) -> tuple:
    def load(host, n):
        result = run(host, "python3", f"{LAB}/load.py", "www", "--port", str(port),
                     "--clients", str(n), "--seconds", str(seconds), timeout=seconds + 20)
        return json.loads(result.stdout) if result.status == 0 else {"ms": [], "errors": n}
    with ThreadPoolExecutor(len(HOSTS)) as pool:
        parts = list(pool.map(lambda item: load(*item), spread(clients).items()))
    ms = sorted(x for p in parts for x in p["ms"])
    errors = sum(p["errors"] for p in parts)
    if not ms:
        return 0.0, float("nan"), float("nan"), errors
    p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
    return len(ms) / seconds, statistics.median(ms), p99, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=2.0, help="per measurement (max 10)")
    parser.add_argument("--clients", type=int, choices=LEVELS, action="append",
                        help="only this many clients in all (again for more); default: each")
    args = parser.parse_args()
    seconds = min(max(args.seconds, 0.5), 10.0)
    print(f"{'server':22} {'clients':>7} {'req/s':>8} {'median ms':>10} {'p99 ms':>8} errors")
    for name, port, argv in SERVERS:
        with serve("www", *argv, port=port):
            for clients in args.clients or LEVELS:
                rate, median, p99, errors = measure(port, clients, seconds)
                print(f"{name:22} {clients:7} {rate:8.0f} {median:10.2f} {p99:8.2f} {errors}",
                      flush=True)


if __name__ == "__main__":
    main()
