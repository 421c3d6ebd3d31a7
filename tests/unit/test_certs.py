"""The per-installation CA: strict X.509 rules, names from compose.yaml, a real TLS handshake."""
import socket
import ssl
import subprocess
import threading

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import ExtendedKeyUsageOID

from playground import certs
from playground.topology import Topology

topo = Topology()


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    root = tmp_path_factory.mktemp("certs")
    assert certs.ensure(topo, root=root)
    return root


def load(path):
    return x509.load_pem_x509_certificate(path.read_bytes())


def test_ca_is_strict(made):
    ca = load(made / "ca" / "ca.crt")
    bc = ca.extensions.get_extension_for_class(x509.BasicConstraints)
    ku = ca.extensions.get_extension_for_class(x509.KeyUsage)
    assert bc.critical and bc.value.ca
    assert ku.critical and ku.value.key_cert_sign and ku.value.crl_sign


def test_server_certificates_name_every_alias(made):
    for host, names in certs.tls_hosts(topo).items():
        leaf = load(made / "hosts" / host / "server.crt")
        san = leaf.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        eku = leaf.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
        assert set(san.get_values_for_type(x509.DNSName)) == set(names)
        assert {topo[host].fqdn, host} <= set(names)
        assert list(eku) == [ExtendedKeyUsageOID.SERVER_AUTH]
    mail = certs.tls_hosts(topo)["mail"]
    assert "smtp.example.com" in mail   # the CNAME clients may connect to


def test_ca_key_stays_out_of_what_containers_mount(made):
    mounted = [p for folder in ("shared", "hosts") for p in (made / folder).rglob("*")]
    ca_key = (made / "ca" / "ca.key").read_bytes()
    assert all(p.is_dir() or p.read_bytes() != ca_key for p in mounted)
    assert (made / "ca" / "ca.key").stat().st_mode & 0o077 == 0


def test_nothing_is_remade_until_asked(made):
    before = (made / "ca" / "ca.crt").read_bytes()
    assert not certs.ensure(topo, root=made)
    assert (made / "ca" / "ca.crt").read_bytes() == before


def test_fresh_makes_a_new_ca(tmp_path):
    certs.ensure(topo, root=tmp_path)
    before = (tmp_path / "ca" / "ca.crt").read_bytes()
    certs.ensure(topo, fresh=True, root=tmp_path)
    assert (tmp_path / "ca" / "ca.crt").read_bytes() != before
    assert not certs.missing(topo, tmp_path)


def handshake(made, host, server_name, client_cert=False):
    """TLS over a socket pair: our server certificate against a strict client."""
    server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_ctx.load_cert_chain(made / "hosts" / host / "server.crt",
                               made / "hosts" / host / "server.key")
    client_ctx = ssl.create_default_context(cafile=str(made / "ca" / "ca.crt"))
    client_ctx.verify_flags |= ssl.VERIFY_X509_STRICT
    a, b = socket.socketpair()
    server = threading.Thread(target=lambda: _serve(server_ctx, b))
    server.start()
    try:
        with client_ctx.wrap_socket(a, server_hostname=server_name) as tls:
            return tls.getpeercert()["subject"]
    finally:
        a.close()
        server.join()


def _serve(ctx, sock):
    try:
        ctx.wrap_socket(sock, server_side=True).close()
    except (ssl.SSLError, OSError):
        pass   # the client refused us; the client side reports why
    finally:
        sock.close()


@pytest.mark.parametrize("host", ["www", "mail", "ftp"])
def test_strict_verification_accepts_every_server(made, host):
    assert handshake(made, host, topo[host].fqdn)


def test_wrong_name_is_refused(made):
    with pytest.raises(ssl.SSLCertVerificationError, match="mismatch"):
        handshake(made, "www", "mail.example.com")


def test_a_new_alias_remakes_that_host_certificate_by_the_same_ca(tmp_path):
    assert certs.ensure(topo, root=tmp_path)
    ca_before = (tmp_path / "ca" / "ca.crt").read_bytes()
    mail_before = (tmp_path / "hosts" / "mail" / "server.crt").read_bytes()
    compose = {**topo.compose, "x-playground": {**topo.compose["x-playground"]}}
    zone = compose["x-playground"]["zone"] = dict(compose["x-playground"]["zone"])
    zone["records"] = list(zone["records"]) + ["webmail.example.com. IN CNAME mail.example.com."]
    wider = Topology(compose)
    assert certs.missing(wider, root=tmp_path)
    assert certs.ensure(wider, root=tmp_path)
    assert "webmail.example.com" in certs.san_names(tmp_path / "hosts" / "mail" / "server.crt")
    assert (tmp_path / "hosts" / "mail" / "server.crt").read_bytes() != mail_before
    assert (tmp_path / "ca" / "ca.crt").read_bytes() == ca_before
    assert not certs.missing(wider, root=tmp_path)


def test_the_ca_hash_is_the_one_openssl_computes(made, tmp_path):
    # Hosts link the CA as /etc/ssl/certs/HASH.0 with this hash, no openssl run at start-up.
    # openssl is the judge: our CA, and a subject whose spaces and capitals it folds.
    ca_key = serialization.load_pem_private_key((made / "ca" / "ca.key").read_bytes(), None)
    ca_cert = x509.load_pem_x509_certificate((made / "ca" / "ca.crt").read_bytes())
    odd = tmp_path / "odd"
    certs._write_leaf(odd, "  Mixed   CASE\tname ", [], ca_key, ca_cert, server=False)
    for path in (made / "shared" / "ca.crt", odd.with_suffix(".crt")):
        openssl = subprocess.run(["openssl", "x509", "-hash", "-noout", "-in", str(path)],
                                 capture_output=True, text=True, check=True).stdout.strip()
        assert certs.subject_hash(x509.load_pem_x509_certificate(path.read_bytes())) == openssl
    assert (made / "shared" / "ca.hash").read_text().strip() == \
        certs.subject_hash(ca_cert)
