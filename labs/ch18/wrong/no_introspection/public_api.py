"""Exercise 2, wrong: the instance alone, with no system.listMethods or system.multicall."""


def expose(server, notebook):
    server.register_instance(notebook)
