"""Messages framed by a length prefix: a 4-byte unsigned integer in network byte order
(struct '!I'), then that many bytes. A zero-length message means "no more messages".

The program around Exercise 1 (labs/ch05/README.md): argument parsing, the server, the client
and the error reports. The framing itself, send_message() and recv_message(), is what you
write in exercises/lenframe.py (solutions/lenframe.py holds ours); that file hands its
functions to main():

    python3 /labs/ch05/exercises/lenframe.py server                   # on www, port 5010
    python3 /labs/ch05/exercises/lenframe.py client www hello 'two words'
    python3 /labs/ch05/exercises/lenframe.py client www --sizes 1,1500,70000

The server answers each message with a framed reply: '<length> bytes, sha256 <first 16 hex>'.
The client checks each reply against its own digest.
"""
import argparse
import hashlib
import socket
import struct
import sys

from wire import port_number

HEADER = struct.Struct("!I")   # big-endian ("network order") unsigned 32-bit length
PORT = 5010


def digest_line(payload):
    return f"{len(payload)} bytes, sha256 {hashlib.sha256(payload).hexdigest()[:16]}"


def serve(port, send_message, recv_message):
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("", port))
    listener.listen(5)
    print(f"length-prefix server on port {port}", flush=True)
    while True:
        conn, peer = listener.accept()
        with conn:
            try:
                serve_client(conn, peer, send_message, recv_message)
            except (OSError, EOFError) as exc:
                print(f"{peer[0]}:{peer[1]}: {exc}", flush=True)


def serve_client(conn, peer, send_message, recv_message):
    while True:
        payload = recv_message(conn)
        if not payload:
            print(f"{peer[0]}:{peer[1]}: end of messages", flush=True)
            return
        print(f"{peer[0]}:{peer[1]}: received {digest_line(payload)}", flush=True)
        send_message(conn, digest_line(payload).encode())


def pattern(size):
    """A recognisable payload of `size` bytes."""
    return bytes(i % 251 for i in range(size))


def client(args, send_message, recv_message):
    messages = [m.encode() for m in args.messages]
    messages += [pattern(n) for n in args.sizes]
    all_match = True
    with socket.create_connection((args.host, args.port), timeout=args.timeout) as sock:
        for payload in messages:
            send_message(sock, payload)
            reply = recv_message(sock).decode()
            all_match &= reply == digest_line(payload)
            verdict = "matches" if reply == digest_line(payload) else "DOES NOT MATCH"
            print(f"sent {len(payload)} bytes; server: {reply} ({verdict})")
        send_message(sock, b"")   # the end marker
    return all_match


def sizes(text):
    try:
        values = [int(n) for n in text.split(",") if n]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a comma-separated list of sizes")
    if any(not 0 < n < 2**32 for n in values):
        raise argparse.ArgumentTypeError("sizes must be between 1 and 2**32-1")
    return values


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("role", choices=["server", "client"])
    parser.add_argument("host", nargs="?", help="the server to connect to (client only)")
    parser.add_argument("messages", nargs="*", help="client: text messages to send")
    parser.add_argument("--sizes", type=sizes, default=[], help="client: also send "
                        "generated messages of these sizes, e.g. 1,1500,70000")
    parser.add_argument("--port", type=port_number, default=PORT,
                        help=f"TCP port (default {PORT})")
    parser.add_argument("--timeout", type=float, default=10.0, help="client timeout, seconds")
    args = parser.parse_intermixed_args()
    if args.timeout <= 0:
        parser.error("--timeout must be a positive number of seconds")
    if args.role == "client" and not args.host:
        parser.error("the client needs the server's host name")
    if args.role == "client" and "" in args.messages:
        parser.error("an empty message would mean 'end of messages'")
    return args


def main(send_message, recv_message):
    """Run the server or the client with the given framing functions."""
    args = parse_args()
    try:
        if args.role == "server":
            serve(args.port, send_message, recv_message)
        elif not client(args, send_message, recv_message):
            sys.exit("lenframe.py: some replies did not match what was sent")
    except KeyboardInterrupt:
        pass
    except socket.gaierror as exc:
        sys.exit(f"lenframe.py: cannot find {args.host!r}: {exc.strerror}")
    except (OSError, EOFError) as exc:
        sys.exit(f"lenframe.py: {getattr(exc, 'strerror', None) or exc}")
