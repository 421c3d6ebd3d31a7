"""Exercise 2, wrong: allow_dotted_names=True, so anyone can call archive.wipe.

Any attribute's methods can be called from the network."""


def expose(server, notebook):
    server.register_introspection_functions()
    server.register_multicall_functions()
    server.register_instance(notebook, allow_dotted_names=True)
