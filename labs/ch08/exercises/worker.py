"""Exercise 3: a ZeroMQ pipeline worker (labs/ch08/README.md)."""


def work(server, tasks_port, results_port, name, idle):
    """TODO: connect a PULL socket to tcp://SERVER:TASKS_PORT and a PUSH socket to
    tcp://SERVER:RESULTS_PORT (zmq_pipeline.py binds both on www). First send
    {"ready": name} on the PUSH socket; then, for every task {"id": N, "word": W} pulled,
    push {"id": N, "digest": sha256(W) in hex, "worker": name}. Return the number of tasks
    done once no task has come for `idle` seconds. Use send_json/recv_json."""
    raise NotImplementedError
