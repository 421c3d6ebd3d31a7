"""Exercise 2: an XML-RPC server that exposes only its public methods (labs/ch18/README.md)."""


def expose(server, notebook):
    """TODO: make notebook's public methods (add, read, titles) callable on server (a
    SimpleXMLRPCServer) under their own names, with introspection (system.listMethods,
    system.methodHelp, system.methodSignature) and system.multicall, and nothing else:
    no underscore method, no attribute reached through a dotted name."""
    raise NotImplementedError
