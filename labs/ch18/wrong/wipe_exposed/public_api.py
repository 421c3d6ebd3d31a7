"""Exercise 2, wrong: also exposes archive.wipe as "wipe": anyone erases the notes.

The public methods by hand, plus wipe for convenience."""


def expose(server, notebook):
    server.register_introspection_functions()
    server.register_multicall_functions()
    for function in (notebook.add, notebook.read, notebook.titles, notebook.archive.wipe):
        server.register_function(function)
