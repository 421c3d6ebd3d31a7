"""Exercise 3, the reference solution."""
import hashlib

import zmq


def work(server, tasks_port, results_port, name, idle):
    context = zmq.Context()
    tasks = context.socket(zmq.PULL)
    tasks.connect(f"tcp://{server}:{tasks_port}")      # connect: www cannot reach us
    results = context.socket(zmq.PUSH)
    results.connect(f"tcp://{server}:{results_port}")
    results.send_json({"ready": name})
    done = 0
    while tasks.poll(idle * 1000):
        task = tasks.recv_json()
        digest = hashlib.sha256(task["word"].encode()).hexdigest()
        results.send_json({"id": task["id"], "digest": digest, "worker": name})
        done += 1
    tasks.close(linger=0)
    results.close(linger=1000)   # a moment to deliver the last results
    context.term()
    return done
