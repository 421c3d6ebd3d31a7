"""Exercise 1, wrong: pickle, which calls whatever function the sender names."""
import pickle


def dumps(message):
    return pickle.dumps(message)


def loads(data):
    return pickle.loads(data)
