"""Exercise 2, the reference solution: the instance registered WITHOUT dotted names (the
default), so the dispatcher resolves one public name on the notebook itself and refuses
names that start with an underscore."""


def expose(server, notebook):
    server.register_introspection_functions()
    server.register_multicall_functions()
    server.register_instance(notebook)   # allow_dotted_names stays False
