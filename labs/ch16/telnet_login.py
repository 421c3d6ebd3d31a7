"""Exercise 1's program: a small Telnet client over a plain socket. negotiate() (yours, in
exercises/negotiate.py) answers the server's options; without --user it prints what the
server sends until it closes; with --user it logs in, typing a character per packet as a
person would, runs --command and logs out."""
import argparse
import socket
import sys
import time

import labkit

TELNET_PORT = 23
KEYSTROKE = 0.02      # seconds between keys: each one leaves in a packet of its own
negotiate = labkit.answer("negotiate").negotiate


class Session:
    def __init__(self, sock: socket.socket, terminal: str):
        self.sock, self.terminal = sock, terminal
        self.rest = b""           # an incomplete command, waiting for the bytes that end it
        self.seen = b""           # the text since the last expect()

    def receive(self) -> bool:
        """Read once: answer the options in it, show its text; False when the server closed."""
        data = self.sock.recv(4096)
        text, reply, self.rest = negotiate(self.rest + data, self.terminal)
        if reply:
            self.sock.sendall(reply)
        sys.stdout.write(text.decode("latin-1"))
        sys.stdout.flush()
        self.seen += text
        return bool(data)

    def expect(self, marker: bytes, refusal: bytes = b"Login incorrect") -> None:
        while marker not in self.seen:
            if refusal in self.seen:
                labkit.fail(f"the server said: {refusal.decode()}")
            if not self.receive():
                labkit.fail(f"the server closed before it sent {marker.decode()!r}")
        self.seen = b""

    def type(self, line: str) -> None:
        for char in line.encode() + b"\r\n":     # a Telnet line ends in CR LF
            self.sock.sendall(bytes([char]))
            time.sleep(KEYSTROKE)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("host", help="a Telnet server, e.g. ftp")
    parser.add_argument("--port", type=labkit.port, default=TELNET_PORT)
    parser.add_argument("--term", default="VT100", help="the terminal type we announce")
    parser.add_argument("--user", help="log in as this user (student)")
    parser.add_argument("--password", default="abc123")
    parser.add_argument("--command", default="id", help="what to run once logged in")
    args = parser.parse_args()
    with socket.create_connection((args.host, args.port), timeout=10) as sock:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        session = Session(sock, args.term)
        if args.user:
            session.expect(b"login: ")
            session.type(args.user)
            session.expect(b"Password: ")
            session.type(args.password)
            session.expect(b"$ ")
            session.type(f"{args.command}; exit")
        while session.receive():
            pass


if __name__ == "__main__":
    labkit.main(main)
