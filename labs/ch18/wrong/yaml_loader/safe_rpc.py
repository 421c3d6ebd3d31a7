"""Exercise 1, wrong: yaml.Loader, whose python/object tags call functions.

yaml.safe_load would not."""
import yaml


def dumps(message):
    return yaml.dump(message).encode()


def loads(data):
    return yaml.load(data, Loader=yaml.Loader)
