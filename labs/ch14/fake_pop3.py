"""A small POP3 server of our own, to try clients against what mail.example.com never is: an
impostor. With --tls FILE it speaks TLS from the first byte (POP3S) with the certificate and
key in FILE, which can be one no client should trust. It serves an empty mailbox, accepts
every login and prints each command it receives, so you (and the grader) see what a client
gave away."""
import argparse
import socket
import ssl

import labkit

PORT = 14025
TIMEOUT = 10.0
REPLIES = {"USER": "+OK", "PASS": "+OK logged in (to an impostor)", "APOP": "+OK logged in",
           "STAT": "+OK 0 0", "NOOP": "+OK", "RSET": "+OK", "QUIT": "+OK bye"}
MULTILINE = {"LIST": "+OK 0 messages", "UIDL": "+OK", "CAPA": "+OK\r\nUSER\r\nTOP\r\nUIDL"}


def session(conn, peer):
    """One client: greet, then answer every command until QUIT or the client goes."""
    reader = conn.makefile("rb")
    conn.sendall(b"+OK fake POP3 server ready <1.2@fake.example.com>\r\n")
    while raw := reader.readline(4096):
        command = raw.rstrip(b"\r\n").decode("utf-8", "replace")
        verb = command.split(" ", 1)[0].upper()
        print(f"{peer}: {command}", flush=True)
        if verb in MULTILINE:
            conn.sendall(f"{MULTILINE[verb]}\r\n.\r\n".encode())
        else:
            conn.sendall(f"{REPLIES.get(verb, '-ERR unknown command')}\r\n".encode())
        if verb == "QUIT":
            return


def serve(port, pem):
    context = None
    if pem:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(pem)
    listener = socket.create_server(("", port))
    print(f"fake POP3{'S' if pem else ''} server on port {port}", flush=True)
    while True:
        conn, (host, client_port) = listener.accept()
        peer = f"{host}:{client_port}"
        conn.settimeout(TIMEOUT)
        try:
            if context:
                conn = context.wrap_socket(conn, server_side=True)
            session(conn, peer)
        except OSError as exc:   # a refused certificate or a client gone: the next one
            print(f"{peer}: dropped: {exc}", flush=True)
        finally:
            conn.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=labkit.port, default=PORT)
    parser.add_argument("--tls", metavar="PEM",
                        help="speak TLS with this certificate (and its key, in the file)")
    args = parser.parse_args()
    serve(args.port, args.tls)


if __name__ == "__main__":
    labkit.main(main)
