"""The two ends of a ZeroMQ pipeline, on www: a ventilator PUSHes tasks out of port 8020 and
a sink PULLs results in on port 8021. Both BIND: the workers (zmq_worker.py, on h1-h4 behind
the modems' NAT, where nothing from outside can reach them) CONNECT to www.

Each worker first says {"ready": NAME} on the results socket; the ventilator sends nothing
until --workers of them have, because PUSH gives each task to a connected worker in turn, and
a worker that connects late would get none ("the slow joiner"). Then it sends --tasks tasks
{"id": N, "word": W}, gathers a {"id", "digest", "worker"} for each, checks every digest and
prints how many each worker did.

    www$ python3 /labs/ch08/zmq_pipeline.py --workers 3 --tasks 30
"""
import argparse
import collections
import hashlib

import zmq

import labkit

TASKS_PORT, RESULTS_PORT = 8020, 8021


def digest(word: str) -> str:
    """What a worker must answer for a task's word."""
    return hashlib.sha256(word.encode()).hexdigest()


def receive(results, wait: float) -> dict:
    """The next message on the results socket; fail after `wait` seconds of silence."""
    if not results.poll(wait * 1000):
        raise TimeoutError
    return results.recv_json()


def gather_ready(results, count: int, wait: float) -> list:
    names = []
    try:
        while len(names) < count:
            names.append(receive(results, wait)["ready"])
    except TimeoutError:
        labkit.fail(f"only {len(names)} of {count} workers said they were ready: {names}")
    except (KeyError, TypeError, ValueError):
        labkit.fail("a worker's first message was not {\"ready\": NAME}")
    return names


def gather_results(results, words: dict, wait: float) -> collections.Counter:
    done = collections.Counter()
    pending = dict(words)
    try:
        while pending:
            result = receive(results, wait)
            word = pending.pop(result.get("id"), None)
            if word is None or result.get("digest") != digest(word):
                labkit.fail(f"a wrong or repeated result: {result}")
            done[result.get("worker")] += 1
    except TimeoutError:
        labkit.fail(f"{len(pending)} of {len(words)} results never came: {done}")
    return done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=labkit.positive, default=3)
    parser.add_argument("--tasks", type=labkit.positive, default=30)
    parser.add_argument("--word", default="task", help="the tasks' words are WORD-N")
    parser.add_argument("--wait", type=labkit.seconds, default=10,
                        help="give up after this long without a message")
    args = parser.parse_args()
    context = zmq.Context()
    tasks = context.socket(zmq.PUSH)
    tasks.bind(f"tcp://*:{TASKS_PORT}")
    results = context.socket(zmq.PULL)
    results.bind(f"tcp://*:{RESULTS_PORT}")
    print("ready:", " ".join(gather_ready(results, args.workers, args.wait)), flush=True)
    words = {i: f"{args.word}-{i}" for i in range(args.tasks)}
    for i, word in words.items():
        tasks.send_json({"id": i, "word": word})
    done = gather_results(results, words, args.wait)
    for worker, count in sorted(done.items()):
        print(f"{worker}: {count} tasks")
    print(f"complete {sum(done.values())}/{len(words)}")
    tasks.close(linger=0)
    results.close(linger=0)
    context.term()


if __name__ == "__main__":
    labkit.main(main)
