"""Port forwarding over SSH (like ssh -L): listen on this host's loopback, and carry each
connection there in a "direct-tcpip" channel of one SSH connection to the server, which
connects onwards to --to (by default a service that listens only on the server's loopback)."""
import select
import socket
import threading

import labkit
import sshlab

LOCAL_PORT = 16080
TARGET_PORT = 16081


def pump(sock: socket.socket, channel) -> None:
    """Copy bytes both ways until one side closes (a paramiko Channel works with select)."""
    with sock, channel:
        while True:
            ready, _, _ = select.select([sock, channel], [], [])
            source, sink = (sock, channel) if sock in ready else (channel, sock)
            data = source.recv(32768)
            if not data:
                return
            sink.sendall(data)


def main() -> None:
    parser = sshlab.parser(__doc__)
    parser.add_argument("--local-port", type=labkit.port, default=LOCAL_PORT)
    parser.add_argument("--to", default=f"127.0.0.1:{TARGET_PORT}",
                        help="HOST:PORT as the SSH server sees it")
    args = parser.parse_args()
    target_host, target_port = args.to.rsplit(":", 1)
    client = sshlab.connect(args)
    transport = client.get_transport()
    listener = socket.create_server(("127.0.0.1", args.local_port))
    print(f"127.0.0.1:{args.local_port} -> {args.host} -> {args.to}", flush=True)
    while True:
        sock, peer = listener.accept()
        channel = transport.open_channel("direct-tcpip", (target_host, int(target_port)), peer)
        threading.Thread(target=pump, args=(sock, channel), daemon=True).start()


if __name__ == "__main__":
    sshlab.main(main)
