"""Exercise 1: a safe pickle-free RPC service (labs/ch18/README.md)."""


def dumps(message):
    """TODO: return message (made of str, int, float, bool, None, lists and dicts with
    str keys, nested) as bytes that loads() turns back into an equal message."""
    raise NotImplementedError


def loads(data):
    """TODO: return the message that dumps() made of data. data comes from anyone on the
    network: decoding it must never run code or make objects of their choosing."""
    raise NotImplementedError
