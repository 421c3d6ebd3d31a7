"""Exercise 3: send a secret read from standard input to a TLS server (tls_server.py on www)
so that nobody on the path can read it, and print the server's answer.

The secret comes from stdin, not the command line: arguments are visible to every user of
the machine in `ps`. The server is verified first, so the secret goes only to the real one.
The delivery itself is send_secret(), the student's, in exercises/secret_client.py."""

import ssl
import sys

import labkit
import tlslab

send_secret = labkit.answer("secret_client").send_secret


def main():
    args = tlslab.client_parser(__doc__.splitlines()[0], 6000).parse_args()
    secret = sys.stdin.buffer.readline().rstrip(b"\r\n")
    if not secret:
        labkit.fail("no secret on standard input (try: echo s3cret | secret_client.py www)")
    where = f"{args.host}:{args.port}"
    try:
        answer = send_secret(args.host, args.port, secret, args.address)
    except ssl.SSLError as exc:
        labkit.fail(f"refused {where}, secret not sent: {tlslab.explain(exc)}")
    except OSError as exc:
        labkit.fail(f"cannot connect to {where}: {tlslab.explain(exc)}")
    except EOFError:
        labkit.fail(f"{where} closed without answering")
    # Only the answer's size: a server that echoes would put the secret on the screen.
    print(f"sent {len(secret)} bytes to {where}; it answered {len(answer)} characters")


if __name__ == "__main__":
    labkit.main(main)
