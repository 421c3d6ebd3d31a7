"""A TLS line-echo server: run it on www, where the lab's server certificate is mounted.

Each client sends one line; the server prints it (so you can see what arrived) and answers
"echo: LINE". Handshake failures are reported and the server keeps serving."""


import labkit
import tlslab


def answer(tls, where):
    """Read the client's line, log it with the negotiated protocol, and echo it back."""
    line = tlslab.read_line(tls)
    print(f"{where}: {tls.version()} {tls.cipher()[0]}: received {line!r}", flush=True)
    tls.sendall(f"echo: {line}\n".encode())


def main():
    parser = tlslab.server_parser(__doc__.splitlines()[0], 6000)
    parser.add_argument("--count", type=int, default=0,
                        help="stop after this many connections (default: never)")
    args = parser.parse_args()
    context = tlslab.server_context(args.cert, args.key)
    with tlslab.listen(args.host, args.port) as listener:
        print(f"serving TLS on {args.host}:{args.port} with {args.cert}", flush=True)
        tlslab.serve_tls(listener, context, answer, args.count)


if __name__ == "__main__":
    labkit.main(main)
