"""Exercise 3, wrong: trusts any key of the pinned key's type (Ed25519) instead of that one key"""
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
        if key.get_name() != "ssh-ed25519" and not hmac.compare_digest(seen, self.fingerprint):
            raise paramiko.SSHException(f"{hostname} presented {seen}, "
                                        f"not {self.fingerprint}")


def connect(host, port, username, password, fingerprint):
    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(Pinned(fingerprint))
    client.connect(host, port, username=username, password=password,
                   look_for_keys=False, allow_agent=False, timeout=10)
    return client
