"""Exercise 1's program: messages framed by a length prefix, a 4-byte unsigned integer in
network byte order (struct '!I') and then that many bytes; a zero-length message means
"no more messages". The framing itself, send_message() and recv_message(), is yours, in
exercises/lenframe.py (solutions/lenframe.py holds ours).

    python3 /labs/ch05/lenframe.py server                   # on www, port 5010
    python3 /labs/ch05/lenframe.py client www hello 'two words'
    python3 /labs/ch05/lenframe.py client www --sizes 1,1500,70000

The server answers each message with a framed reply: '<length> bytes, sha256 <first 16 hex>'.
The client checks each reply against its own digest.
"""
import argparse
import hashlib
import socket

import labkit

PORT = 5010
lenframe = labkit.answer("lenframe")   # your functions


def digest_line(payload):
    return f"{len(payload)} bytes, sha256 {hashlib.sha256(payload).hexdigest()[:16]}"


def serve(port):
    listener = socket.create_server(("", port))
    print(f"length-prefix server on port {port}", flush=True)
    while True:
        conn, peer = listener.accept()
        with conn:
            try:
                serve_client(conn, peer)
            except (OSError, EOFError) as exc:   # one client's trouble is not the server's
                print(f"{peer[0]}:{peer[1]}: {type(exc).__name__}: {exc}", flush=True)


def serve_client(conn, peer):
    while True:
        payload = lenframe.recv_message(conn)
        if not payload:
            print(f"{peer[0]}:{peer[1]}: end of messages", flush=True)
            return
        print(f"{peer[0]}:{peer[1]}: received {digest_line(payload)}", flush=True)
        lenframe.send_message(conn, digest_line(payload).encode())


def pattern(size):
    """A recognisable payload of `size` bytes."""
    return bytes(i % 251 for i in range(size))


def client(args):
    """Send each message and check the server's reply; True when every reply matched."""
    messages = [m.encode() for m in args.messages] + [pattern(n) for n in args.sizes]
    all_match = True
    with socket.create_connection((args.host, args.port), timeout=args.timeout) as sock:
        for payload in messages:
            lenframe.send_message(sock, payload)
            reply = lenframe.recv_message(sock).decode(errors="replace")
            all_match &= reply == digest_line(payload)
            verdict = "matches" if reply == digest_line(payload) else "DOES NOT MATCH"
            print(f"sent {len(payload)} bytes; server: {reply} ({verdict})", flush=True)
        lenframe.send_message(sock, b"")   # the end marker
    return all_match


def sizes(text):
    """argparse type: comma-separated message sizes, e.g. 1,1500,70000."""
    try:
        values = [int(n) for n in text.split(",") if n]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a comma-separated list of sizes")
    if any(not 0 < n < 2**32 for n in values):
        raise argparse.ArgumentTypeError("sizes must be between 1 and 2**32-1")
    return values


def parse_args():
    parser = labkit.roles(__doc__, PORT, timeout=10.0)
    parser.add_argument("messages", nargs="*", help="client: text messages to send")
    parser.add_argument("--sizes", type=sizes, default=[], help="client: also send "
                        "generated messages of these sizes, e.g. 1,1500,70000")
    args = labkit.parse_roles(parser)
    if args.role == "client" and "" in args.messages:
        parser.error("an empty message would mean 'end of messages'")
    return args


def main():
    args = parse_args()
    if args.role == "server":
        serve(args.port)
        return
    try:
        all_match = client(args)
    except socket.gaierror as exc:
        labkit.fail(f"cannot find {args.host!r}: {exc.strerror}")
    except EOFError as exc:
        labkit.fail(f"{args.host} closed the connection in the middle of a message: {exc}")
    if not all_match:
        labkit.fail("some replies did not match what was sent")


if __name__ == "__main__":
    labkit.main(main)
