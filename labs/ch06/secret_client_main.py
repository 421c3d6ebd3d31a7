"""Exercise 3: send a secret read from standard input to a TLS server (tls_server.py on www)
so that nobody on the path can read it, and print the server's answer.

The secret comes from stdin, not the command line: arguments are visible to every user of
the machine in `ps`. The server is verified first, so the secret goes only to the real one.

This is the given part of exercises/secret_client.py (and solutions/secret_client.py):
arguments, reading the secret, the report and the error messages. Those files hold only
send_secret() and hand it to main()."""

import ssl
import sys

import tlslab


def main(send_secret):
    """Run the client with send_secret(host, port, secret, address) -> the server's answer."""
    args = tlslab.client_parser(__doc__.splitlines()[0], 6000).parse_args()
    secret = sys.stdin.buffer.readline().rstrip(b"\r\n")
    if not secret:
        tlslab.die("no secret on standard input (try: echo s3cret | secret_client.py www)")
    where = f"{args.host}:{args.port}"
    try:
        answer = send_secret(args.host, args.port, secret, args.address)
    except ssl.SSLError as exc:
        tlslab.die(f"refused {where}, secret not sent: {tlslab.explain(exc)}")
    except OSError as exc:
        tlslab.die(f"cannot connect to {where}: {tlslab.explain(exc)}")
    print(f"sent {len(secret)} bytes to {where}; it answered {len(answer)} characters")
