"""A Telnet-ish test server: it sends text and option commands in the order --plan gives,
cutting the stream into pieces at awkward places (inside IAC sequences), asks for the
terminal type, prints every byte the client answers, and closes."""
import argparse
import random
import socket
import time

import labkit

PORT = 16023
IAC, SB, SE = 255, 250, 240
COMMANDS = {"DONT": 254, "DO": 253, "WONT": 252, "WILL": 251}
PAUSE = 0.03          # between pieces, so that each arrives in a recv() of its own


def encode(item: str) -> bytes:
    """One plan item: 'DO 24', 'WILL 1', 'NOP', 'SB 31 0 255 240 0' (a subnegotiation; 255
    in it is doubled), 'TTYPE' (SB TTYPE SEND), or 'text:WORDS' (255 in it doubled too)."""
    if item.startswith("text:"):
        return item[5:].encode("latin-1").replace(b"\xff", b"\xff\xff")
    word, *numbers = item.split()
    if word in COMMANDS:
        return bytes([IAC, COMMANDS[word], int(numbers[0])])
    if word == "NOP":
        return bytes([IAC, 241])
    if word == "TTYPE":
        return bytes([IAC, SB, 24, 1, IAC, SE])
    body = bytes(int(n) for n in numbers).replace(b"\xff", b"\xff\xff")
    return bytes([IAC, SB]) + body + bytes([IAC, SE])


def send_in_pieces(conn: socket.socket, data: bytes, pieces: int) -> None:
    cuts = sorted(random.sample(range(1, len(data)), min(pieces, len(data) - 1)))
    for start, end in zip([0] + cuts, cuts + [len(data)]):
        conn.sendall(data[start:end])
        time.sleep(PAUSE)


def answers(conn: socket.socket) -> bytes:
    """What the client sends until it has named its terminal type (or goes quiet)."""
    got = b""
    conn.settimeout(2)
    try:
        while not (b"\xff\xfa\x18\x00" in got and got.endswith(b"\xff\xf0")):
            more = conn.recv(4096)
            if not more:
                break
            got += more
    except TimeoutError:
        pass
    return got


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=labkit.port, default=PORT)
    parser.add_argument("--plan", required=True, help="items separated by '|' (see encode)")
    parser.add_argument("--pieces", type=labkit.positive, default=12)
    parser.add_argument("--bye", default="bye", help="text sent after the client's answers")
    args = parser.parse_args()
    listener = socket.create_server(("", args.port))
    while True:
        conn, address = listener.accept()
        with conn:
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            send_in_pieces(conn, b"".join(encode(i) for i in args.plan.split("|")),
                           args.pieces)
            print(f"option_server: {address[0]} answered {answers(conn).hex(' ')}", flush=True)
            conn.sendall(args.bye.encode() + b"\r\n")


if __name__ == "__main__":
    labkit.main(main)
