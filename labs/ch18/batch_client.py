"""Exercise 3's program: read calls from standard input, one per line ("add 2 3",
"upper hello"; arguments are JSON when they parse), make them with call_all() (yours, in
exercises/batch.py) against xmlrpc_server.py, and print one line per call, in order:
"N: = RESULT" or "N: fault CODE: STRING".
    printf 'add 2 3\ndivide 1 0\nupper done\n' |
        docker exec -i h1 python3 /labs/ch18/batch_client.py www"""
import argparse
import sys
import xmlrpc.client

import labkit
import rpclab

PORT = 18000
call_all = labkit.answer("batch").call_all


def parse(line: str) -> tuple[str, list]:
    name, *args = line.split()
    return name, [rpclab.value(a) for a in args]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("host", help="where xmlrpc_server.py runs, e.g. www")
    parser.add_argument("--port", type=labkit.port, default=PORT)
    args = parser.parse_args()
    calls = [parse(line) for line in sys.stdin if line.strip()]
    results = call_all(rpclab.proxy(args.host, args.port, allow_none=True), calls)
    if len(results) != len(calls):
        labkit.fail(f"{len(calls)} calls but {len(results)} results")
    for number, result in enumerate(results, 1):
        if isinstance(result, xmlrpc.client.Fault):
            print(f"{number}: {rpclab.fault_line(result)}")
        else:
            print(f"{number}: = {result!r}")


if __name__ == "__main__":
    labkit.main(main)
