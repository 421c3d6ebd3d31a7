"""Exercise 2, wrong: names the caller after the certificate's issuer."""
import ssl


def mtls_context(cert, key, client_ca):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    context.verify_mode = ssl.CERT_REQUIRED
    context.load_verify_locations(cafile=client_ca)
    return context


def client_identity(tls):
    issuer = tls.getpeercert()["issuer"]
    return dict(rdn[0] for rdn in issuer)["commonName"]
