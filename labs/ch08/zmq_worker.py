"""Exercise 3's program: a pipeline worker, run with work() (the student's, in
exercises/worker.py). It connects to zmq_pipeline.py on SERVER, does tasks until none has
come for --idle seconds, and then ends.

    h2$ python3 /labs/ch08/zmq_worker.py www --name h2
"""
import argparse
import socket

import labkit

TASKS_PORT, RESULTS_PORT = 8020, 8021
work = labkit.answer("worker").work


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("server", help="where zmq_pipeline.py runs, e.g. www")
    parser.add_argument("--name", default=socket.gethostname(), help="put in every result")
    parser.add_argument("--idle", type=labkit.seconds, default=5,
                        help="end after this long without a task")
    args = parser.parse_args()
    done = work(args.server, TASKS_PORT, RESULTS_PORT, args.name, args.idle)
    print(f"{args.name}: {done} tasks")


if __name__ == "__main__":
    labkit.main(main)
