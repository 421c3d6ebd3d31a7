"""Certificates for graders: the lab CA (read here, its key never copied into a host), CAs no
host trusts, and leaf certificates from either, for impostor servers and second clients.

A leaf is returned as one PEM text, certificate then key, which is what the labs' --cert
options take; the `put` fixture places it in a host's /tmp for one test.
"""
from __future__ import annotations

import datetime
import ipaddress
from typing import NamedTuple

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from .certs import CERTS
from .grading import token

SERVER, CLIENT = ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH


class Authority(NamedTuple):
    key: object
    cert: x509.Certificate


def lab_ca() -> Authority:
    """The lab CA of this installation, read on this machine."""
    folder = CERTS / "ca"
    key = serialization.load_pem_private_key((folder / "ca.key").read_bytes(), None)
    return Authority(key, x509.load_pem_x509_certificate((folder / "ca.crt").read_bytes()))


def throwaway_ca() -> Authority:
    """A CA that no host trusts, good in every other respect."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = _name(f"Impostor CA {token()}")
    cert = (_builder(name, name, key.public_key(), key.public_key())
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .sign(key, hashes.SHA256()))
    return Authority(key, cert)


def issue(ca: Authority, cn: str, usage=SERVER, dns=(), ips=()) -> str:
    """A leaf certificate from ca for cn (usage SERVER or CLIENT) with these DNS names and
    IP addresses, and its key, as one PEM text."""
    key = ec.generate_private_key(ec.SECP256R1())
    builder = (_builder(_name(cn), ca.cert.subject, key.public_key(), ca.key.public_key())
               .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
               .add_extension(x509.ExtendedKeyUsage([usage]), critical=False))
    names = [x509.DNSName(n) for n in dns] + [x509.IPAddress(ipaddress.ip_address(a))
                                              for a in ips]
    if names:
        builder = builder.add_extension(x509.SubjectAlternativeName(names), critical=False)
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    return pem(builder.sign(ca.key, hashes.SHA256())) + key_pem.decode()


def impostor(kind: str, name: str) -> str:
    """A server certificate and key that must NOT verify as name: 'foreign CA' (the right
    name from a CA nobody trusts) or 'wrong name' (the lab CA, a fresh other name)."""
    if kind == "foreign CA":
        return issue(throwaway_ca(), name, dns=[name])
    other = f"{token()}.example.com"
    return issue(lab_ca(), other, dns=[other])


def pem(cert: x509.Certificate) -> str:
    return cert.public_bytes(serialization.Encoding.PEM).decode()


def _name(text: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, text)])


def _builder(subject, issuer, public_key, issuer_public_key):
    now = datetime.datetime.now(datetime.timezone.utc)
    return (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer)
            .public_key(public_key).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(hours=1))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_public_key),
                           critical=False))
