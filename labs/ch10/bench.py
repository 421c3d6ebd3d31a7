"""Chapter 10's benchmark, run by hand on the Docker host (it asserts nothing):

    ./scripts/_run labs/ch10/bench.py [--requests 400] [--clients 8]

The raw time app (timeapp_raw.py) on www served four ways: wsgiref (one request at a time),
gunicorn with 1 and 4 sync workers, and gunicorn (4 workers) behind nginx. A client on h1
sends N GETs from C threads, a new connection each (neither server keeps one open), and
prints requests per second and the slowest answer.
"""
import argparse
import json

from playground.run import run, serve

APP, PROXY = 10021, 10020
CLIENT = r"""
import http.client, json, sys, time
from concurrent.futures import ThreadPoolExecutor
port, n, clients = map(int, sys.argv[1:4])
def get(_):
    t = time.perf_counter()
    conn = http.client.HTTPConnection("www", port, timeout=10)
    conn.request("GET", "/")
    assert conn.getresponse().read()
    conn.close()
    return time.perf_counter() - t
start = time.perf_counter()
with ThreadPoolExecutor(clients) as pool:
    times = list(pool.map(get, range(n)))
print(json.dumps({"rate": n / (time.perf_counter() - start), "worst": max(times) * 1000}))
"""
SERVERS = {
    "wsgiref": ["python3", "/labs/ch10/timeapp_raw.py", "--port", str(APP)],
    "gunicorn, 1 worker": ["gunicorn", "--bind", f"0.0.0.0:{APP}", "--workers", "1",
                           "--chdir", "/labs/ch10", "timeapp_raw:application"],
    "gunicorn, 4 workers": ["gunicorn", "--bind", f"0.0.0.0:{APP}", "--workers", "4",
                            "--chdir", "/labs/ch10", "timeapp_raw:application"],
}
NGINX = ["nginx", "-c", "/labs/ch10/nginx.conf", "-e", "/tmp/ch10-nginx-error.log"]


def measure(port: int, n: int, clients: int) -> dict:
    return json.loads(run("h1", "python3", "-c", CLIENT, str(port), str(n), str(clients),
                          timeout=120).check().stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    print(f"{args.requests} GETs of the time app from h1, {args.clients} at a time")
    print(f"{'server':32}{'requests/s':>12}{'slowest':>12}")
    rows = [(name, argv, False) for name, argv in SERVERS.items()]
    rows.append(("nginx -> gunicorn, 4 workers", SERVERS["gunicorn, 4 workers"], True))
    try:
        for name, argv, proxied in rows:
            with serve("www", *argv, port=APP):
                if proxied:
                    with serve("www", *NGINX, port=PROXY):
                        figures = measure(PROXY, args.requests, args.clients)
                else:
                    figures = measure(APP, args.requests, args.clients)
            print(f"{name:32}{figures['rate']:>12.0f}{figures['worst']:>9.1f} ms")
    finally:
        run("www", "sh", "-c", "rm -rf /tmp/ch10-nginx*")


if __name__ == "__main__":
    main()
