"""Exercise 2, wrong: serves clients without a certificate (CERT_OPTIONAL)."""
import ssl

import tlslab


def mtls_context(cert, key, client_ca):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    context.verify_mode = ssl.CERT_OPTIONAL
    context.load_verify_locations(cafile=client_ca)
    return context


def client_identity(tls):
    return tlslab.common_name(tls.getpeercert() or {})
