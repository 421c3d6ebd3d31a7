"""Exercise 2's program: an XML-RPC server for a Notebook, whose remote API expose() (yours,
in exercises/public_api.py) decides.
    docker exec www python3 /labs/ch18/public_server.py
    docker exec h1 python3 /labs/ch18/xmlrpc_call.py www --port 18030 add groceries milk
    docker exec h1 python3 /labs/ch18/xmlrpc_call.py www --port 18030 archive.wipe"""
import argparse
from xmlrpc.server import SimpleXMLRPCServer

import labkit

PORT = 18030
expose = labkit.answer("public_api").expose


class Archive:
    """The notebook's storage, for the notebook's own code: not part of the remote API."""

    def __init__(self, notes: dict):
        self.notes = notes

    def wipe(self):
        """Forget every note."""
        self.notes.clear()
        return True


class Notebook:
    """Titled notes. The remote API is add, read and titles; the rest is the owner's."""

    def __init__(self):
        self.notes = {}
        self.archive = Archive(self.notes)

    def add(self, title, text):
        """Store text under title; return how many notes there are now."""
        self.notes[title] = text
        return len(self.notes)

    def read(self, title):
        """The text stored under title."""
        return self.notes[title]

    def titles(self):
        """Every title, sorted."""
        return sorted(self.notes)

    def _reset(self):
        """Forget every note (maintenance, for the owner on the server only)."""
        return self.archive.wipe()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=labkit.port, default=PORT)
    port = parser.parse_args().port
    server = SimpleXMLRPCServer(("", port))
    expose(server, Notebook())
    print(f"notebook on port {port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    labkit.main(main)
