"""Exercise 3: a secret that stays secret (labs/ch06/README.md).

The program around it is labs/ch06/secret_client.py. The ssl and socket modules are what
you need; `import tlslab` gives the chapter's helpers (tlslab.read_line, for one)."""


def send_secret(host, port, secret, address=None):
    """TODO: deliver secret (bytes, one line) over a verified TLS connection to address
    (or host) on port, the certificate checked for host: send secret and a newline, read
    one line back and return it. Nothing of the secret may go anywhere else."""
    raise NotImplementedError
