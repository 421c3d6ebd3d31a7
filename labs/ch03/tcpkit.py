"""What chapter 3's TCP programs share: a listening socket that can be rebound at once, a
server loop that takes one client at a time, and the deadlock demo's buffers, data and client
(deadlock.py's and nodeadlock_client.py's)."""
import hashlib
import socket

import labkit

ALPHABET = b"abcdefghijklmnopqrstuvwxyz"
BUFFER = 65536   # small socket buffers (no autotuning), so a stalled peer shows up fast


def listen(address, port):
    """A listening socket, or a one-line exit if the address cannot be bound."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # restart at once even while old connections sit in TIME_WAIT (reuseaddr.py shows why)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((address, port))
    except OSError as exc:
        labkit.fail(f"cannot bind {address or '0.0.0.0'}:{port}: {exc.strerror}")
    sock.listen()
    return sock


def serve_forever(sock, handle):
    """Accept clients one at a time; a client's failure is reported, not fatal."""
    host, port = sock.getsockname()
    print(f"listening on {host}:{port}", flush=True)
    while True:
        conn, peer = sock.accept()
        with conn:
            try:
                handle(conn, peer)
            except OSError as exc:   # timeouts and resets included
                print(f"{peer[0]}:{peer[1]}: {exc.__class__.__name__}: {exc}", flush=True)


def small_buffers(sock):
    """Fixed, small send and receive buffers: the kernel stops growing them."""
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, BUFFER)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, BUFFER)


def sample_data(size):
    """size bytes of the lowercase alphabet, repeated: the echo must give it back in capitals."""
    return (ALPHABET * (size // len(ALPHABET) + 1))[:size]


def digest(data):
    return hashlib.sha256(data).hexdigest()[:16]


def echo_client(host, port, size, exchange, timeout=10):
    """The client side of deadlock.py's echo: connect with small buffers, run
    exchange(sock, data) on size bytes of sample_data(), print what came back."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        small_buffers(sock)   # before connect(): the SYN already announces the window
        sock.settimeout(timeout)
        sock.connect((host, port))
        received = exchange(sock, sample_data(size))
    print(f"sent {size} bytes, received {len(received)} bytes, sha256 {digest(received)}")
