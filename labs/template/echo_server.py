"""An echo server that answers slowly, in small pieces, so a client must read in a loop."""
import argparse
import socket
import time

import labkit

PORT = NN010


def serve(port: int) -> None:
    listener = socket.create_server(("", port), reuse_port=False)
    while True:
        conn, _ = listener.accept()
        with conn:
            line = labkit.recv_line(conn)
            for i in range(0, len(line), 3):
                conn.sendall(line[i:i + 3])
                time.sleep(0.01)   # the pieces cross the network separately


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=labkit.port, default=PORT)
    serve(parser.parse_args().port)


if __name__ == "__main__":
    labkit.main(main)
