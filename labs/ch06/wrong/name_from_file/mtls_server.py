"""Exercise 2, wrong: names the caller from the certificate FILE, not the client.

Names the caller from the student certificate FILE on the server, not from the certificate
the connecting client presented."""
import ssl

import tlslab


def mtls_context(cert, key, client_ca):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    context.verify_mode = ssl.CERT_REQUIRED
    context.load_verify_locations(cafile=client_ca)
    return context


def client_identity(tls):
    # The client certificate is mounted on every host, www included: read its name there.
    info = ssl._ssl._test_decode_cert(tlslab.CLIENT_CERT)
    return tlslab.common_name(info)
