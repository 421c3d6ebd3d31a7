"""Exercise 1, wrong: repr() to send and eval() to receive, which runs any expression."""


def dumps(message):
    return repr(message).encode()


def loads(data):
    return eval(data.decode())
