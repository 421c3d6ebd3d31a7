"""Exercise 2, wrong: allow_dotted_names=True, so archive.wipe (and any attribute's
methods) can be called from the network."""


def expose(server, notebook):
    server.register_introspection_functions()
    server.register_multicall_functions()
    server.register_instance(notebook, allow_dotted_names=True)
