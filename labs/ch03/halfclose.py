"""Half-close: the client says "I have no more to send" with shutdown(SHUT_WR), then reads.

The server cannot answer before it has everything, and it knows it has everything only when
it reads EOF. shutdown(SHUT_WR) sends that EOF (a FIN) while the client's side stays open
for reading, so the answer still arrives after the client's FIN.
"""
import socket
import sys

import labkit
from tcpkit import listen, serve_forever

PORT = 3002


def count(conn, peer):
    """Read lines through a file object until EOF, then send one line of totals."""
    lines = words = size = 0
    with conn.makefile("rb") as infile, conn.makefile("wb") as outfile:
        for line in infile:   # iteration ends at EOF: the client's shutdown(SHUT_WR)
            lines, words, size = lines + 1, words + len(line.split()), size + len(line)
        outfile.write(f"{lines} lines, {words} words, {size} bytes\n".encode())
    print(f"{peer[0]}:{peer[1]}: EOF after {size} bytes; answered", flush=True)


def ask(host, port, text):
    with socket.create_connection((host, port), timeout=10) as sock:
        sock.sendall(text)
        sock.shutdown(socket.SHUT_WR)   # FIN now; reading still works
        with sock.makefile("rb") as infile:
            return infile.read().decode()


def main():
    parser = labkit.roles(__doc__, PORT, host="www")
    args = labkit.parse_roles(parser)
    if args.role == "server":
        serve_forever(listen("", args.port), count)
        return
    text = sys.stdin.buffer.read()   # e.g. a file piped in
    print(ask(args.host, args.port, text), end="")


if __name__ == "__main__":
    labkit.main(main)
