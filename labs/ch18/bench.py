"""Chapter 18's benchmark, run by hand on the Docker host (it asserts nothing):

    ./scripts/_run labs/ch18/bench.py [--calls 1000]

Starts bench_rpc.py's four servers on www, makes N calls of add(i, i) from h1 over XML-RPC,
JSON-RPC, a multiprocessing connection and RPyC, and prints the time per call and the calls
per second of each; the servers are stopped afterwards.
"""
import argparse
import json

from playground.run import run, serve

BENCH = "/labs/ch18/bench_rpc.py"
RPYC_PORT = 18093   # bench_rpc.py starts RPyC last: when it listens, all four do


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=1000)
    calls = parser.parse_args().calls
    with serve("www", "python3", BENCH, "server", port=RPYC_PORT):
        seconds = json.loads(run("h1", "python3", BENCH, "client", "www", "--calls",
                                 str(calls), timeout=300).check().stdout)
    print(f"{calls} calls of add(i, i) from h1 to www, one after another")
    for name, total in seconds.items():
        print(f"  {name:16} {total / calls * 1e6:8.0f} us per call {calls / total:8.0f} calls/s")


if __name__ == "__main__":
    main()
