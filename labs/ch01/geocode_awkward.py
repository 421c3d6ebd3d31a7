#!/usr/bin/env python3
"""A geocoding server for the grader: random places, framed in awkward ways.

The first word of the address picks the framing (see FRAMINGS; another word: plain
Content-Length); the second, a token, names the place. Every answer is a random place, so no table of answers knows it; each request is logged
as one JSON line (token, the request's bytes, the answer a right client prints) on stdout.
Run it on www (port 1081) and ask it with geocode_socket.py --port 1081 FRAMING TOKEN.
"""
import argparse
import itertools
import json
import random
import socket
from urllib.parse import parse_qs, urlsplit

import labkit

PORT = 1081
CHUNK_SIZES = [1, 30, 2, 17, 64, 5]   # cut the body anywhere, even between CR and LF
EXTRA = b"\r\nBYTES PAST THE BODY"    # only Content-Length tells where the body ends


def place_json(token, crlf):
    """A random place as API JSON, and the line a right client prints for it. With crlf, the
    JSON's whitespace holds CRLF line ends and a blank line (CRLF CRLF), all legal JSON."""
    lat, lng = round(random.uniform(-89, 89), 4), round(random.uniform(-179, 179), 4)
    answer = {"status": "OK", "results": [{"formatted_address": f"Awkward place {token}",
                                           "geometry": {"location": {"lat": lat, "lng": lng}}}]}
    text = json.dumps(answer, indent=2)
    if crlf:
        text = text.replace("\n", "\r\n").replace("{\r\n", "{\r\n\r\n", 1)
    return text.encode(), f"{lat}, {lng}"


def chunked(body):
    """Chunked framing with upper-case hex sizes and an extension on every other size line."""
    out, start = [], 0
    for n, size in enumerate(itertools.cycle(CHUNK_SIZES)):
        piece = body[start:start + size]
        if not piece:
            return b"".join(out) + b"0\r\n\r\n"
        extension = b";piece=%d" % n if n % 2 else b""
        out.append(b"%X%s\r\n%s\r\n" % (len(piece), extension, piece))
        start += size


def length_framed(body, extra=b"", header=b"Content-Length: "):
    return b"%s%d\r\n\r\n%s%s" % (header, len(body), body, extra)


# framing: (status line, how the headers after Content-Type and the body are sent, crlf JSON)
FRAMINGS = {
    "plain": ("200 OK", length_framed, False),
    "extra": ("200 OK", lambda b: length_framed(b, EXTRA), False),
    "blank": ("200 OK", length_framed, True),
    "case": ("200 OK", lambda b: length_framed(b, EXTRA, b"content-LENGTH:"), False),
    "chunked": ("200 OK", lambda b: b"transfer-encoding: Chunked\r\n\r\n" + chunked(b), True),
    "short": ("200 OK", lambda b: b"Content-Length: %d\r\n\r\n%s" % (len(b) + 40, b), False),
    "shortchunk": ("200 OK", lambda b: b"Transfer-Encoding: chunked\r\n\r\n%X\r\n%s"
                   % (len(b) + 40, b), False),
    "status": ("503 Service Unavailable", length_framed, False),
}


def read_head(conn):
    """The request's bytes up to the blank line (or whatever came before the client stopped)."""
    data = b""
    try:
        while b"\r\n\r\n" not in data and len(data) < 65536:
            more = conn.recv(4096)
            if not more:
                break
            data += more
    except TimeoutError:   # a client that never finishes its request: log what it sent
        pass
    return data


def answer(conn):
    head = read_head(conn)
    target = head.split(b" ", 2)[1].decode("latin-1") if head.count(b" ") >= 2 else ""
    words = parse_qs(urlsplit(target).query).get("address", [""])[0].split()
    framing, token = (words + ["", ""])[:2]
    status, frame, crlf = FRAMINGS.get(framing, FRAMINGS["plain"])
    body, printed = place_json(token, crlf)
    log = {"token": token, "request": head.decode("latin-1"), "prints": printed}
    print(json.dumps(log), flush=True)
    conn.sendall(b"HTTP/1.1 %s\r\nContent-Type: application/json\r\n%s"
                 % (status.encode(), frame(body)))


def serve(port):
    with socket.create_server(("", port)) as listener:
        while True:
            conn, _ = listener.accept()
            with conn:
                conn.settimeout(2)   # a request without its blank line must not stall the rest
                try:
                    answer(conn)
                except OSError:   # the client went away; the next one is served all the same
                    pass


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=labkit.port, default=PORT)
    serve(parser.parse_args().port)


if __name__ == "__main__":
    labkit.main(main)
