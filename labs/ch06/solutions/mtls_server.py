#!/usr/bin/env python3
"""Exercise 2, solved: a mutual-TLS server for www that knows who is calling from the
client's certificate (labs/ch06/README.md, section 'Exercise 2'). The rest of the server
is in labs/ch06/mtls_server_main.py."""

import ssl
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the chapter's tlslab
import tlslab  # noqa: E402
from mtls_server_main import main  # noqa: E402


def mtls_context(cert, key, client_ca):
    """A server context that presents cert/key and REQUIRES a client certificate signed by
    the CA in the file client_ca."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    context.verify_mode = ssl.CERT_REQUIRED  # a server's default is CERT_NONE
    # A server context loads no CA at all (its default mode asks for no client certificate).
    # Trust only our own CA: a client certificate from any public CA proves nothing here.
    context.load_verify_locations(cafile=client_ca)
    return context


def client_identity(tls):
    """The commonName of the client's (already verified) certificate."""
    return tlslab.common_name(tls.getpeercert())


if __name__ == "__main__":
    main(mtls_context, client_identity)
