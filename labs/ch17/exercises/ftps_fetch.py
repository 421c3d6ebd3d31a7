"""Exercise 4: an FTPS client that trusts the right server and hides everything
(labs/ch17/README.md)."""


def secure_fetch(host, port, user, password, name):
    """TODO: return the bytes of the file `name` on the FTP server host:port, logged in as
    user/password, with nothing readable on the wire: explicit TLS (ftplib.FTP_TLS) before
    the login, a context that verifies the certificate AND that it names `host` (the
    system's trust store holds the lab CA), and the data connection protected too (PROT P)
    before any transfer. Let the ssl error of a server that fails the check propagate."""
    raise NotImplementedError
