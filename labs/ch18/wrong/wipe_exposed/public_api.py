"""Exercise 2, wrong: the public methods by hand, plus archive.wipe as "wipe" for
convenience, which lets anyone erase the notebook."""


def expose(server, notebook):
    server.register_introspection_functions()
    server.register_multicall_functions()
    for function in (notebook.add, notebook.read, notebook.titles, notebook.archive.wipe):
        server.register_function(function)
