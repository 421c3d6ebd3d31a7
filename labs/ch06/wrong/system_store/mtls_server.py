"""Exercise 2, wrong: trusts the system store for clients and ignores client_ca.

Trusts every CA of the system store for client certificates and ignores client_ca (it works
only because the lab CA happens to be in the store)."""
import ssl

import tlslab


def mtls_context(cert, key, client_ca):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    context.verify_mode = ssl.CERT_REQUIRED
    context.load_default_certs(ssl.Purpose.CLIENT_AUTH)
    return context


def client_identity(tls):
    return tlslab.common_name(tls.getpeercert())
