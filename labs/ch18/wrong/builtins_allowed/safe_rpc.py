"""Exercise 1, wrong: an unpickler that forbids os and subprocess but allows io.open.

It still lets the sender call builtins and io (open, eval, exec, ...)."""
import io
import pickle

FORBIDDEN = {"os", "posix", "subprocess", "sys", "shutil"}


class Careful(pickle.Unpickler):
    def find_class(self, module, name):
        if module.split(".")[0] in FORBIDDEN:
            raise pickle.UnpicklingError(f"{module}.{name} is forbidden")
        return super().find_class(module, name)


def dumps(message):
    return pickle.dumps(message)


def loads(data):
    return Careful(io.BytesIO(data)).load()
