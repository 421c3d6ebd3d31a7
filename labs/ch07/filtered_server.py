"""Exercise 3's program: the qa protocol from socketserver, only for the clients whose
address verify() (yours, in exercises/filtered_server.py) allows.

    www$ python3 /labs/ch07/filtered_server.py --allow 10.25.1.65/32    # port 7030
"""
import argparse

import labkit

from threads import Server, StreamHandler

PORT = 7030
verify = labkit.answer("filtered_server").verify


class FilteredServer(Server):
    allowed: list = []

    def verify_request(self, request, client_address) -> bool:
        """socketserver calls this after accept(): the handshake is over by then."""
        ok = verify(request, client_address, self.allowed)
        print(f"{'served' if ok else 'refused'} {client_address[0]}:{client_address[1]}",
              flush=True)
        return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=labkit.port, default=PORT)
    parser.add_argument("--allow", action="append", required=True, metavar="NETWORK",
                        help="a network (CIDR, e.g. 10.25.1.64/31) whose clients are served; "
                             "repeat for more")
    args = parser.parse_args()
    FilteredServer.allowed = args.allow
    with FilteredServer(("", args.port), StreamHandler) as server:
        server.serve_forever()


if __name__ == "__main__":
    labkit.main(main)
