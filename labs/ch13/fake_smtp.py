"""A small SMTP server of our own, to try clients against what mail.example.com never does:
advertise another SIZE limit (or a bare SIZE, or none), offer STARTTLS with a certificate you
choose (an impostor's), or offer AUTH before any TLS. It delivers nothing and accepts every
login: it prints each command it receives and the size of each message, so you (and the
grader) see what a client gave away."""
import argparse
import base64
import socket
import ssl

import labkit

PORT = 13025
TIMEOUT = 10.0
READY_TLS = b"220 2.0.0 Ready to start TLS"   # the words Postfix uses too


class Session:
    """One client's conversation; the socket (and its reader) change at STARTTLS."""

    def __init__(self, conn, peer, args):
        self.sock, self.peer, self.args = conn, peer, args
        self.reader = conn.makefile("rb")
        self.tls = False

    def say(self, *lines):
        """A reply: every line but the last is 'CODE-text', the last 'CODE text'."""
        code, texts = lines[0][:3], [line[4:] for line in lines]
        out = [f"{code}-{t}" for t in texts[:-1]] + [f"{code} {texts[-1]}"]
        self.sock.sendall("".join(line + "\r\n" for line in out).encode())

    def line(self):
        raw = self.reader.readline(4096)
        if not raw:
            raise EOFError("the client closed the connection")
        return raw.rstrip(b"\r\n").decode("utf-8", "replace")

    def log(self, text):
        print(f"{self.peer}: {text}", flush=True)

    def features(self):
        size = self.args.size
        offered = ["8BITMIME"]
        if size is not None:
            offered.append("SIZE" if size == "bare" else f"SIZE {size}")
        if self.args.starttls and not self.tls:
            offered.append("STARTTLS")
        if self.tls or self.args.auth_in_clear:
            offered.append("AUTH PLAIN LOGIN")
        return offered

    def limit(self):
        """The advertised limit in bytes; 0 (none) for a bare SIZE, SIZE 0 or no SIZE."""
        return int(self.args.size) if str(self.args.size).isdigit() else 0

    def run(self):
        self.say("220 fake.example.com ESMTP (Network Playground's fake_smtp.py)")
        while True:
            command = self.line()
            verb = command.split(" ", 1)[0].upper()
            self.log(command if verb != "AUTH" else f"AUTH {command[5:]}")
            if verb == "QUIT":
                self.say("221 2.0.0 Bye")
                return
            handler = getattr(self, f"do_{verb.lower()}", None)
            if handler is None:
                self.say("502 5.5.2 Error: command not recognized")
            else:
                handler(command)

    def do_ehlo(self, command):
        self.say("250 fake.example.com", *[f"250 {f}" for f in self.features()])

    def do_helo(self, command):
        self.say("250 fake.example.com")

    def do_starttls(self, command):
        if not self.args.starttls or self.tls:
            self.say("502 5.5.1 STARTTLS not offered")
            return
        self.say(READY_TLS.decode())
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.args.starttls)
        self.sock = context.wrap_socket(self.sock, server_side=True)
        self.reader = self.sock.makefile("rb")
        self.tls = True
        self.log(f"TLS started ({self.sock.version()})")

    def do_auth(self, command):
        words = command.split()
        if len(words) < 2 or words[1].upper() not in ("PLAIN", "LOGIN"):
            self.say("504 5.5.4 Unrecognized authentication type")
            return
        if words[1].upper() == "PLAIN":
            secret = words[2] if len(words) > 2 else self.ask("")
        else:
            user = words[2] if len(words) > 2 else self.ask("Username:")
            secret = f"{user} {self.ask('Password:')}"
        self.log(f"login accepted, credentials {secret}")
        self.say("235 2.7.0 Authentication successful")

    def ask(self, prompt):
        self.say("334 " + base64.b64encode(prompt.encode()).decode())
        return self.line()

    def do_mail(self, command):
        declared = [int(w[5:]) for w in command.upper().split() if w.startswith("SIZE=")
                    and w[5:].isdigit()]
        if self.limit() and declared and declared[0] > self.limit():
            self.say("552 5.3.4 Message size exceeds fixed limit")
        else:
            self.say("250 2.1.0 Ok")

    def do_rcpt(self, command):
        self.say("250 2.1.5 Ok")

    def do_rset(self, command):
        self.say("250 2.0.0 Ok")

    def do_noop(self, command):
        self.say("250 2.0.0 Ok")

    def do_data(self, command):
        self.say("354 End data with <CR><LF>.<CR><LF>")
        message = bytearray()
        while (raw := self.reader.readline(65536)) != b".\r\n":
            if not raw:
                raise EOFError("the client closed in the middle of DATA")
            message += raw[1:] if raw.startswith(b".") else raw   # undo dot-stuffing
        self.log(f"message of {len(message)} bytes")
        if self.limit() and len(message) > self.limit():
            self.say("552 5.3.4 Message size exceeds fixed limit")
        else:
            self.say("250 2.0.0 Ok: queued (and dropped: this server delivers nothing)")


def serve(args):
    listener = socket.create_server(("", args.port))
    print(f"fake SMTP server on port {args.port}", flush=True)
    while True:
        conn, (host, port) = listener.accept()
        conn.settimeout(TIMEOUT)
        session = Session(conn, f"{host}:{port}", args)
        try:
            session.run()
        except (OSError, EOFError) as exc:   # a failed handshake or a client gone: next one
            session.log(f"dropped: {exc}")
        finally:
            session.sock.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=labkit.port, default=PORT)
    parser.add_argument("--size", help="advertise SIZE with this limit in bytes "
                        "('bare' for SIZE alone); without it, no SIZE")
    parser.add_argument("--starttls", metavar="PEM",
                        help="offer STARTTLS with this certificate (and its key, in the file)")
    parser.add_argument("--auth-in-clear", action="store_true",
                        help="offer AUTH before TLS too (insecure, as a trap)")
    serve(parser.parse_args())


if __name__ == "__main__":
    labkit.main(main)
