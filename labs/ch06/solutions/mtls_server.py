"""Exercise 2, the reference solution."""
import ssl

import tlslab


def mtls_context(cert, key, client_ca):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    context.verify_mode = ssl.CERT_REQUIRED  # a server's default is CERT_NONE
    # A server context loads no CA at all (its default mode asks for no client certificate).
    # Trust only our own CA: a client certificate from any public CA proves nothing here.
    context.load_verify_locations(cafile=client_ca)
    return context


def client_identity(tls):
    return tlslab.common_name(tls.getpeercert())
