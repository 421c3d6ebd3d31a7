"""An impostor SSH server: a fresh Ed25519 host key made at start, any login accepted, and
every password, key and command it gets printed. A client that checks host keys refuses it
before it authenticates; one that trusts any key hands it the login."""
import argparse
import base64
import hashlib
import io
import socket
import threading

import paramiko
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

import labkit

PORT = 16022


def fresh_host_key() -> paramiko.Ed25519Key:
    """An Ed25519 key no known_hosts file lists (paramiko cannot make one itself)."""
    pem = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.OpenSSH,
        serialization.NoEncryption())
    return paramiko.Ed25519Key(file_obj=io.StringIO(pem.decode()))


class Impostor(paramiko.ServerInterface):
    def get_allowed_auths(self, username):
        return "password,publickey"

    def check_auth_password(self, username, password):
        print(f"impostor got: password {password!r} for {username}", flush=True)
        return paramiko.AUTH_SUCCESSFUL

    def check_auth_publickey(self, username, key):
        print(f"impostor got: {key.get_name()} key for {username}", flush=True)
        return paramiko.AUTH_SUCCESSFUL

    def check_channel_request(self, kind, chanid):
        return paramiko.OPEN_SUCCEEDED if kind == "session" else \
            paramiko.OPEN_FAILED_ADMINISTRATIVELY_PROHIBITED

    def check_channel_exec_request(self, channel, command):
        print(f"impostor got: command {command.decode(errors='replace')!r}", flush=True)
        # the answer must wait until paramiko has said yes to the request
        threading.Thread(target=pretend, args=(channel,), daemon=True).start()
        return True


def pretend(channel: paramiko.Channel) -> None:
    channel.sendall(b"the impostor ran your command\n")
    channel.send_exit_status(0)
    channel.shutdown_write()     # EOF; closing could overtake paramiko's yes to the request


def session(conn: socket.socket, key: paramiko.PKey) -> None:
    transport = paramiko.Transport(conn)
    transport.add_server_key(key)
    try:
        transport.start_server(server=Impostor())
        transport.join(10)          # a session lasts at most 10 s
    except (paramiko.SSHException, EOFError, OSError) as exc:
        print(f"impostor: a client left: {exc or type(exc).__name__}", flush=True)
    finally:
        transport.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=labkit.port, default=PORT)
    port = parser.parse_args().port
    key = fresh_host_key()
    print(f"impostor: host key {key.get_name()} SHA256:{fingerprint(key)} on port {port}",
          flush=True)
    listener = socket.create_server(("", port))
    while True:
        conn, address = listener.accept()
        print(f"impostor: connection from {address[0]}", flush=True)
        threading.Thread(target=session, args=(conn, key), daemon=True).start()


def fingerprint(key: paramiko.PKey) -> str:
    """The key's SHA-256 fingerprint as ssh-keygen -l prints it (base64, no padding)."""
    return base64.b64encode(hashlib.sha256(key.asbytes()).digest()).decode().rstrip("=")


if __name__ == "__main__":
    labkit.main(main)
