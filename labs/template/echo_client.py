"""Exercise 1's program: send a line to echo_server.py and print the reply that
read_reply() (the student's, in exercises/echo_client.py) reads."""
import argparse
import socket

import labkit

PORT = NN010
read_reply = labkit.answer("echo_client").read_reply


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("host", help="where echo_server.py runs, e.g. www")
    parser.add_argument("words", nargs="+")
    parser.add_argument("--port", type=labkit.port, default=PORT)
    args = parser.parse_args()
    line = " ".join(args.words).encode() + b"\n"
    with socket.create_connection((args.host, args.port), timeout=5) as sock:
        sock.sendall(line)
        print(read_reply(sock, len(line)).decode().rstrip("\n"))


if __name__ == "__main__":
    labkit.main(main)
