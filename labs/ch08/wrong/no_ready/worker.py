"""Exercise 3, wrong: never says it is ready, so the ventilator does not know it is there."""
import hashlib

import zmq


def work(server, tasks_port, results_port, name, idle):
    context = zmq.Context()
    tasks = context.socket(zmq.PULL)
    tasks.connect(f"tcp://{server}:{tasks_port}")
    results = context.socket(zmq.PUSH)
    results.connect(f"tcp://{server}:{results_port}")
    done = 0
    while tasks.poll(idle * 1000):
        task = tasks.recv_json()
        digest = hashlib.sha256(task["word"].encode()).hexdigest()
        results.send_json({"id": task["id"], "digest": digest, "worker": name})
        done += 1
    context.destroy(linger=1000)
    return done
