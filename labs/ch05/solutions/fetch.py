"""Exercise 2, the reference solution."""
import socket


def receive_all(sock):
    chunks = []
    while True:
        data = sock.recv(4096)
        if not data:   # b'': the server's FIN, the answer is complete
            return b"".join(chunks)
        chunks.append(data)


def explain(exc, host, port, timeout):
    where = f"{host} port {port}"
    if isinstance(exc, socket.gaierror):
        # gaierror codes are EAI_* values, not errno: the name lookup itself failed.
        return f"cannot find host {host!r}: {exc.strerror} (name lookup failed)"
    if isinstance(exc, ConnectionRefusedError):
        return f"{where} refused the connection: nothing listens there"
    if isinstance(exc, ConnectionResetError):
        return f"{where} reset the connection (RST) before the answer was complete"
    if isinstance(exc, TimeoutError):   # socket.timeout is TimeoutError since Python 3.10
        return f"{where} did not answer within {timeout} s (timed out)"
    return f"network error with {where}: {exc.strerror or exc}"
