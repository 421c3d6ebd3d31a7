"""Exercise 3, wrong: does one task and stops (no loop): the tasks pushed to it later are lost."""
import hashlib

import zmq


def work(server, tasks_port, results_port, name, idle):
    context = zmq.Context()
    tasks = context.socket(zmq.PULL)
    tasks.connect(f"tcp://{server}:{tasks_port}")
    results = context.socket(zmq.PUSH)
    results.connect(f"tcp://{server}:{results_port}")
    results.send_json({"ready": name})
    task = tasks.recv_json()
    digest = hashlib.sha256(task["word"].encode()).hexdigest()
    results.send_json({"id": task["id"], "digest": digest, "worker": name})
    context.destroy(linger=1000)
    return 1
