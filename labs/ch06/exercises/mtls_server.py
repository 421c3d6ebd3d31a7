"""Exercise 2: mutual TLS, a server that knows who is calling (labs/ch06/README.md).

The program around it is labs/ch06/mtls_server.py. The ssl module is what you need;
`import tlslab` gives the chapter's helpers (tlslab.common_name, for one)."""


def mtls_context(cert, key, client_ca):
    """TODO: a server context that presents cert/key and REQUIRES a client certificate
    signed by the CA in the file client_ca (and by no other CA). Careful: what is a server
    context's verify_mode by default, and which CAs does it load?"""
    raise NotImplementedError


def client_identity(tls):
    """TODO: the commonName of the certificate that the client on this connection
    presented (and the handshake verified)."""
    raise NotImplementedError
