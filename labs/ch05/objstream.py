#!/usr/bin/env python3
"""Streams of objects on one connection, where the encoding itself says where each one ends.

    python3 /labs/ch05/objstream.py server                      # on www
    python3 /labs/ch05/objstream.py client www --format pickle
    python3 /labs/ch05/objstream.py client www --format json
    python3 /labs/ch05/objstream.py client www --format zlib

pickle: each pickle ends with a STOP opcode, so pickle.load() on a file made from the socket
reads exactly one object. NEVER unpickle data from a peer you do not trust: a pickle can make
the receiver run any code. json: objects sent back to back with no separator;
JSONDecoder.raw_decode() says where each one ends. zlib: a compressed stream carries its own
end marker; after it, decompressobj().unused_data holds whatever followed (here a trailer).
"""
import codecs
import json
import pickle
import socket
import zlib

import labkit
from wire import serve_forever, talking_to

PORT = 5001
FORMATS = ["pickle", "json", "zlib"]
TRAILER = b"END OF STREAM\n"


def parse_args():
    parser = labkit.roles(__doc__, PORT, timeout=10.0)
    parser.add_argument("--format", choices=FORMATS, default="json", help="client: which "
                        "encoding to ask the server for (default json)")
    parser.add_argument("--count", type=labkit.positive, default=5,
                        help="server: records per stream")
    args = labkit.parse_roles(parser)
    return args


def sample(count):
    """Records of varied shape and size, so that chunk boundaries fall anywhere."""
    return [{"seq": n, "name": f"record-{n}", "squares": [i * i for i in range(n * 40)],
             "note": "é" * n} for n in range(count)]


def encode(fmt, objects):
    if fmt == "pickle":
        return b"".join(pickle.dumps(obj) for obj in objects)
    text = "".join(json.dumps(obj, ensure_ascii=False) for obj in objects).encode()
    return text if fmt == "json" else zlib.compress(text) + TRAILER


def handler(count):
    def handle(conn, peer):
        fmt = conn.recv(16).decode(errors="replace").strip()   # the client's one-word request
        if fmt not in FORMATS:
            conn.sendall(f"unknown format {fmt!r}\n".encode())
            return
        data = encode(fmt, sample(count))
        conn.sendall(data)
        print(f"{peer[0]}:{peer[1]}: sent {count} records as {fmt}, {len(data)} bytes",
              flush=True)
    return handle


def read_pickles(sock):
    # Trusting the lab server here; a real program would use JSON for data from a peer.
    with sock.makefile("rb") as stream:
        while True:
            try:
                yield pickle.load(stream)
            except EOFError:          # the server closed between two pickles: done
                return


def split_json(text, decoder=json.JSONDecoder()):
    """The complete JSON values at the start of text, and the incomplete rest."""
    objects = []
    while text.strip():
        try:
            obj, end = decoder.raw_decode(text.lstrip())
        except json.JSONDecodeError:
            break               # incomplete (or garbage): wait for more bytes
        objects.append(obj)
        text = text.lstrip()[end:]
    return objects, text


def read_json(sock):
    # Incremental: a multi-byte UTF-8 character cut by a chunk boundary waits for its rest.
    utf8 = codecs.getincrementaldecoder("utf-8")()
    text = ""
    while True:
        data = sock.recv(4096)
        text += utf8.decode(data, final=not data)
        objects, text = split_json(text)
        yield from objects
        if not data:
            if text.strip():
                raise ValueError(f"stream ended inside a JSON value: {text[:40]!r}")
            return


def read_zlib(sock):
    inflater = zlib.decompressobj()
    plain = b""
    while not inflater.eof:
        data = sock.recv(4096)
        if not data:
            raise ValueError("the stream ended before the end of the compressed data")
        plain += inflater.decompress(data)
    trailer = inflater.unused_data + b"".join(iter(lambda: sock.recv(4096), b""))
    print(f"after the compressed stream came {len(trailer)} more bytes: {trailer!r}")
    objects, rest = split_json(plain.decode())
    if rest.strip():
        raise ValueError(f"compressed data ended inside a JSON value: {rest[:40]!r}")
    yield from objects


def client(args):
    readers = {"pickle": read_pickles, "json": read_json, "zlib": read_zlib}
    with talking_to(args.host, args.port):
        with socket.create_connection((args.host, args.port), timeout=args.timeout) as sock:
            sock.sendall(args.format.encode())
            sock.shutdown(socket.SHUT_WR)
            count = 0
            for count, obj in enumerate(readers[args.format](sock), 1):
                print(f"record {obj['seq']}: {obj['name']}, {len(obj['squares'])} squares, "
                      f"note {obj['note']!r}")
            print(f"{count} records decoded from the {args.format} stream")


def main():
    args = parse_args()
    if args.role == "server":
        serve_forever(args.port, handler(args.count), "object stream server")
    else:
        try:
            client(args)
        except (ValueError, KeyError, pickle.UnpicklingError) as exc:
            labkit.fail(f"the server sent something unexpected: {exc}")


if __name__ == "__main__":
    labkit.main(main)
