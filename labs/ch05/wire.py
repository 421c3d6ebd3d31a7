"""Shared helpers for the ch05 programs: reading whole messages off a TCP stream, a simple
accept loop, and one-line error reports.

TCP delivers a stream of bytes, not messages: one recv() may return part of what the peer sent
in one sendall(), or the end of one message and the start of the next. Every protocol must
therefore say where a message ends; these helpers implement the common answers.
"""
import argparse
import contextlib
import socket
import sys
import threading


def port_number(text):
    """argparse type for a TCP/UDP port: 1-65535, or a clear usage error."""
    try:
        port = int(text)
    except ValueError:
        port = 0
    if not 0 < port < 65536:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (1-65535)")
    return port


def recv_until_close(sock, chunk=65536):
    """Everything the peer sends until it closes its side (framing by closing)."""
    parts = []
    while True:
        data = sock.recv(chunk)
        if not data:          # b'' means the peer's FIN arrived: the message is complete
            return b"".join(parts)
        parts.append(data)


def recv_into_exactly(sock, view):
    """Fill the writable memoryview `view` completely; return how many recv_into calls it took.

    recv_into writes straight into the caller's buffer: no intermediate bytes objects, no
    joining, which matters when the message is megabytes long.
    """
    got, calls = 0, 0
    while got < len(view):
        n = sock.recv_into(view[got:])
        if n == 0:
            raise EOFError(f"the peer closed after {got} of {len(view)} bytes")
        got += n
        calls += 1
    return calls


def records(sock, delimiter=b"\n", chunk=4096):
    """Yield each delimiter-terminated record (without the delimiter) until the peer closes."""
    pending = b""
    while True:
        data = sock.recv(chunk)
        if not data:
            if pending:
                raise EOFError(f"the peer closed in the middle of a record: {pending[:40]!r}")
            return
        pending += data
        *complete, pending = pending.split(delimiter)
        yield from complete


def serve_forever(port, handle, banner):
    """Accept connections on `port` and run handle(sock, peer) for each in its own thread."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    with failures_reported(f"cannot listen on port {port}"):
        listener.bind(("", port))
    listener.listen(16)
    print(f"{banner} on port {port}", flush=True)
    try:
        while True:
            conn, peer = listener.accept()
            threading.Thread(target=_handle_one, args=(handle, conn, peer), daemon=True).start()
    except KeyboardInterrupt:
        pass


def _handle_one(handle, conn, peer):
    """A client that misbehaves costs one line of log, never the server."""
    with conn:
        try:
            handle(conn, peer)
        except (OSError, EOFError, ValueError) as exc:
            print(f"{peer[0]}:{peer[1]}: {type(exc).__name__}: {exc}", flush=True)


@contextlib.contextmanager
def failures_reported(what):
    """Turn a network failure inside the block into one line on stderr and exit status 1."""
    try:
        yield
    except socket.gaierror as exc:
        fail(f"{what}: {exc.strerror}")
    except (OSError, EOFError) as exc:
        fail(f"{what}: {getattr(exc, 'strerror', None) or exc or type(exc).__name__}")


def fail(message):
    prog = sys.argv[0].rsplit("/", 1)[-1]
    print(f"{prog}: {message}", file=sys.stderr)
    sys.exit(1)
