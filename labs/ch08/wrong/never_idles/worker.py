"""Exercise 3, wrong: blocks in recv_json() for ever, so it never ends when the work does."""
import hashlib

import zmq


def work(server, tasks_port, results_port, name, idle):
    context = zmq.Context()
    tasks = context.socket(zmq.PULL)
    tasks.connect(f"tcp://{server}:{tasks_port}")
    results = context.socket(zmq.PUSH)
    results.connect(f"tcp://{server}:{results_port}")
    results.send_json({"ready": name})
    done = 0
    while True:
        task = tasks.recv_json()
        digest = hashlib.sha256(task["word"].encode()).hexdigest()
        results.send_json({"id": task["id"], "digest": digest, "worker": name})
        done += 1
