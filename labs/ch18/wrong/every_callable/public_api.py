"""Exercise 2, wrong: registers every callable attribute, _reset included.

register_function does not look at names: the dunder methods go too."""


def expose(server, notebook):
    server.register_introspection_functions()
    server.register_multicall_functions()
    for name in dir(notebook):
        if callable(getattr(notebook, name)) and name not in ("__class__", "__init_subclass__"):
            server.register_function(getattr(notebook, name), name)
