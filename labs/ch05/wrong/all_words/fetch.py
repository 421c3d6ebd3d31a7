"""Exercise 2, wrong: explain() returns one line with every expected word, whatever happened.

A cheat: the line names the host and says refused, reset and timed out, so a grader that only
looks for its own word finds it in every case.
"""


def receive_all(sock):
    chunks = []
    while True:
        data = sock.recv(4096)
        if not data:
            return b"".join(chunks)
        chunks.append(data)


def explain(exc, host, port, timeout):
    return f"{host} port {port}: connection refused, reset or timed out after {timeout} s"
