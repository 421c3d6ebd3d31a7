"""What the ch05 example programs share: reading whole messages off a TCP stream (the framing
this chapter teaches), a small threaded accept loop, and one-line reports of a client's failure.

TCP delivers a stream of bytes, not messages: one recv() may return part of what the peer sent
in one sendall(), or the end of one message and the start of the next. Every protocol must
therefore say where a message ends; these helpers implement the common answers.
"""
import contextlib
import socket
import threading

import labkit


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
    try:
        listener = socket.create_server(("", port), backlog=16)
    except OSError as exc:
        labkit.fail(f"cannot listen on port {port}: {exc.strerror}")
    print(f"{banner} on port {port}", flush=True)
    while True:
        conn, peer = listener.accept()
        threading.Thread(target=_handle_one, args=(handle, conn, peer), daemon=True).start()


def _handle_one(handle, conn, peer):
    """A client that misbehaves costs one line of log, never the server."""
    with conn:
        try:
            handle(conn, peer)
        except (OSError, EOFError, ValueError) as exc:
            print(f"{peer[0]}:{peer[1]}: {type(exc).__name__}: {exc}", flush=True)


@contextlib.contextmanager
def talking_to(host, port):
    """A network failure inside the block ends the client in one line naming the server;
    EOFError too, which our framing helpers raise when the peer closes mid-message."""
    try:
        yield
    except (OSError, EOFError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        labkit.fail(f"talking to {host} port {port}: {reason}")
