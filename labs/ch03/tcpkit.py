"""What the chapter's TCP programs share: error exits, a sequential server loop, the
deadlock demo's data, buffer sizes and client (deadlock.py's and nodeadlock_client.py's)."""
import argparse
import hashlib
import socket
import sys

ALPHABET = b"abcdefghijklmnopqrstuvwxyz"
BUFFER = 65536   # small socket buffers (no autotuning), so a stalled peer shows up fast


def port_number(text):
    """argparse type: a TCP port, so a typo is a usage error and not a traceback."""
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (1-65535)")
    return int(text)


def fail(message, status=1):
    """One line on stderr, named after the program, and a non-zero exit."""
    prog = sys.argv[0].rsplit("/", 1)[-1]
    print(f"{prog}: {message}", file=sys.stderr)
    sys.exit(status)


def listen(address, port, reuse=True):
    """A listening socket, or a one-line exit if the address cannot be bound."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if reuse:   # restart at once even while old connections sit in TIME_WAIT
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((address, port))
    except OSError as exc:
        fail(f"cannot bind {address or '0.0.0.0'}:{port}: {exc.strerror}")
    sock.listen()
    return sock


def serve_forever(sock, handle):
    """Accept clients one at a time; a client's failure is reported, not fatal."""
    host, port = sock.getsockname()
    print(f"listening on {host}:{port}", flush=True)
    try:
        while True:
            conn, peer = sock.accept()
            with conn:
                try:
                    handle(conn, peer)
                except OSError as exc:   # timeouts and resets included
                    print(f"{peer[0]}:{peer[1]}: {exc.__class__.__name__}: {exc}", flush=True)
    except KeyboardInterrupt:
        pass


def connect(host, port, timeout=10, before=None):
    """A connected socket; `before(sock)` runs first (options that must precede connect)."""
    try:
        address = socket.getaddrinfo(host, port, socket.AF_INET, socket.SOCK_STREAM)[0][4]
    except socket.gaierror as exc:
        fail(f"cannot resolve {host!r}: {exc.strerror}")
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    if before:
        before(sock)
    try:
        sock.connect(address)
    except OSError as exc:
        sock.close()
        fail(f"cannot connect to {host}:{port}: {exc.strerror or exc}")
    return sock


def small_buffers(sock):
    """Fixed, small send and receive buffers: the kernel stops growing them."""
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, BUFFER)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, BUFFER)


def sample_data(size):
    """size bytes of the lowercase alphabet, repeated: the echo must give it back in capitals."""
    return (ALPHABET * (size // len(ALPHABET) + 1))[:size]


def digest(data):
    return hashlib.sha256(data).hexdigest()[:16]


def echo_client(host, port, size, exchange):
    """The client side of deadlock.py's echo: connect with small buffers, run
    exchange(sock, data) on size bytes of sample_data(), print what came back."""
    with connect(host, port, before=small_buffers) as sock:
        try:
            received = exchange(sock, sample_data(size))
        except OSError as exc:
            fail(f"{exc.__class__.__name__}: {exc}")
    print(f"sent {size} bytes, received {len(received)} bytes, sha256 {digest(received)}")
