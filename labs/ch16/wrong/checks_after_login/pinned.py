"""Exercise 3, wrong: compares the fingerprint after logging in: it refuses, but the password has already gone"""
import base64
import hashlib
import hmac

import paramiko


class Pinned(paramiko.MissingHostKeyPolicy):
    """With no known_hosts loaded, SSHClient asks this policy about every server's key,
    after the key exchange and before any login."""

    def __init__(self, fingerprint):
        self.fingerprint = fingerprint

    def missing_host_key(self, client, hostname, key):
        digest = hashlib.sha256(key.asbytes()).digest()
        seen = "SHA256:" + base64.b64encode(digest).decode().rstrip("=")
        if not hmac.compare_digest(seen, self.fingerprint):
            raise paramiko.SSHException(f"{hostname} presented {seen}, "
                                        f"not {self.fingerprint}")


def connect(host, port, username, password, fingerprint):
    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    client.connect(host, port, username=username, password=password,
                   look_for_keys=False, allow_agent=False, timeout=10)
    Pinned(fingerprint).missing_host_key(client, host,
                                         client.get_transport().get_remote_server_key())
    return client
