"""Exercise 3: a client that checks the host key before it logs in (labs/ch16/README.md)."""


def connect(host, port, username, password, fingerprint):
    """TODO: return a paramiko.SSHClient logged in to host:port with the password, but only
    if the server's host key has this fingerprint ("SHA256:" and the base64 of the SHA-256
    of the key's bytes, without '=' padding, as `ssh-keygen -l` prints it). Any other key:
    raise paramiko.SSHException before the password leaves this machine."""
    raise NotImplementedError
