"""TIME_WAIT and SO_REUSEADDR, on loopback: rebinding a port right after a server closed.

A server accepts one connection and closes it first, so its end waits in TIME_WAIT (about
60 s on Linux). A new server without SO_REUSEADDR then cannot bind the port (EADDRINUSE);
with SO_REUSEADDR it can.
"""
import argparse
import errno
import socket
import subprocess

import labkit

PORT = 3010


def close_first(port):
    """Listen, take one connection, and close it from the server side: TIME_WAIT is ours."""
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)   # earlier runs' TIME_WAIT
    server.bind(("127.0.0.1", port))
    server.listen()
    client = socket.create_connection(("127.0.0.1", port), timeout=5)
    conn, _ = server.accept()
    conn.close()          # the active close: this end goes to TIME_WAIT
    client.recv(1)        # the client sees EOF ...
    client.close()        # ... and closes too (its end is simply gone)
    server.close()


def try_bind(port, reuse):
    sock = socket.socket()
    if reuse:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    label = "with SO_REUSEADDR" if reuse else "without SO_REUSEADDR"
    try:
        sock.bind(("127.0.0.1", port))
        sock.listen()
        print(f"{label}: bind 127.0.0.1:{port} ok")
    except OSError as exc:
        name = errno.errorcode.get(exc.errno, str(exc.errno))
        print(f"{label}: bind 127.0.0.1:{port} failed: {name} ({exc.strerror})")
    finally:
        sock.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=labkit.port, default=PORT,
                        help="default %(default)s")
    args = parser.parse_args()
    try:
        close_first(args.port)
    except OSError as exc:
        labkit.fail(f"cannot set up on port {args.port}: {exc.strerror}")
    states = subprocess.run(["ss", "-tanH", "state", "time-wait", f"sport = :{args.port}"],
                            capture_output=True, text=True).stdout.split("\n")
    for line in filter(None, states):
        print(f"TIME-WAIT: {' '.join(line.split())}")
    try_bind(args.port, reuse=False)
    try_bind(args.port, reuse=True)


if __name__ == "__main__":
    labkit.main(main)
