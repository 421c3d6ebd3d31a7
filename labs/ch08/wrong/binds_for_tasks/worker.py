"""Exercise 3, wrong: binds its tasks socket on its own host, behind the NAT: no task reaches it.

The ventilator binds too, and www could not reach h2-h4 anyway.
"""
import hashlib

import zmq


def work(server, tasks_port, results_port, name, idle):
    context = zmq.Context()
    tasks = context.socket(zmq.PULL)
    tasks.bind(f"tcp://*:{tasks_port}")
    results = context.socket(zmq.PUSH)
    results.connect(f"tcp://{server}:{results_port}")
    results.send_json({"ready": name})
    done = 0
    while tasks.poll(idle * 1000):
        task = tasks.recv_json()
        digest = hashlib.sha256(task["word"].encode()).hexdigest()
        results.send_json({"id": task["id"], "digest": digest, "worker": name})
        done += 1
    context.destroy(linger=1000)
    return done
