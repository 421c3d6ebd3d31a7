"""The lab's private CA, server and client certificates and SSH key, made once per installation.

certs/ca/      the CA key and certificate: stays on the host, never mounted in a container
certs/shared/  mounted read-only on every host: the CA certificate (and its subject hash), the
               lab SSH key pair, a client certificate for mutual-TLS exercises, and the lab's
               known_hosts (written by up)
certs/hosts/X/ mounted read-only on host X only: its server certificate and key
Which hosts get a server certificate, and under which names, comes from compose.yaml.
"""
from __future__ import annotations

import datetime
import hashlib
import re
import shutil
import string
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from .project import HOME
from .topology import Topology

CERTS = HOME / "certs"   # a named instance has its own (in .instances/NAME/certs)
CLIENT = "student"


def _folders(root: Path) -> tuple[Path, Path, Path]:
    return root / "ca", root / "shared", root / "hosts"


def tls_hosts(topo: Topology) -> dict[str, list[str]]:
    """Hosts declared `tls: true`, with the DNS names their certificates need."""
    return {host.name: [host.fqdn, host.name] + topo.aliases(host)
            for host in topo.hosts.values() if host.tls}


def missing(topo: Topology | None = None, root: Path = CERTS) -> bool:
    topo = topo or Topology()
    return _absent(topo, root) or bool(renamed(topo, _folders(root)[2]))


def _absent(topo: Topology, root: Path) -> bool:
    ca_dir, shared, hosts_dir = _folders(root)
    needed = [ca_dir / "ca.key", shared / "ca.crt", shared / "ca.hash",
              shared / "ssh" / "id_ed25519",
              shared / "client" / f"{CLIENT}.crt"]
    needed += [hosts_dir / h / "server.crt" for h in tls_hosts(topo)]
    return not all(p.exists() for p in needed)


def san_names(path: Path) -> set[str]:
    cert = x509.load_pem_x509_certificate(path.read_bytes())
    san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    return set(san.get_values_for_type(x509.DNSName))


def renamed(topo: Topology, hosts_dir: Path) -> list[Path]:
    """Server certificates whose names are no longer the ones compose.yaml gives the host
    (a new alias in the zone, say): they are made again, by the same CA."""
    return [path for host, names in tls_hosts(topo).items()
            if (path := hosts_dir / host / "server.crt").exists() and san_names(path) != set(names)]


def ensure(topo: Topology | None = None, fresh: bool = False, root: Path = CERTS) -> bool:
    """Make whatever is missing (everything, with fresh); True if anything was made."""
    topo = topo or Topology()
    ca_dir, shared, hosts_dir = _folders(root)
    if fresh:
        for folder in (ca_dir, shared, hosts_dir):
            shutil.rmtree(folder, ignore_errors=True)
    for stale in renamed(topo, hosts_dir):   # made again below, by the same CA
        stale.unlink()
    if not _absent(topo, root):
        return False
    if not (ca_dir / "ca.key").exists():
        for folder in (shared, hosts_dir):   # anything signed by an older CA is worthless now
            shutil.rmtree(folder, ignore_errors=True)
        _write_ca(ca_dir)
    ca_key = serialization.load_pem_private_key((ca_dir / "ca.key").read_bytes(), None)
    ca_cert = x509.load_pem_x509_certificate((ca_dir / "ca.crt").read_bytes())
    _write(shared / "ca.crt", (ca_dir / "ca.crt").read_bytes(), 0o644)
    _write(shared / "ca.hash", f"{subject_hash(ca_cert)}\n".encode(), 0o644)
    for host, names in tls_hosts(topo).items():
        if not (hosts_dir / host / "server.crt").exists():
            _write_leaf(hosts_dir / host / "server", names[0], names, ca_key, ca_cert, server=True)
    if not (shared / "client" / f"{CLIENT}.crt").exists():
        _write_leaf(shared / "client" / CLIENT, CLIENT, [], ca_key, ca_cert, server=False)
    if not (shared / "ssh" / "id_ed25519").exists():
        _write_ssh_key(shared / "ssh" / "id_ed25519")
    return True


def subject_hash(cert: x509.Certificate) -> str:
    """OpenSSL's hash of the certificate's subject (`openssl x509 -hash`), the name under which
    its CA path (/etc/ssl/certs/HASH.0) finds it: the first four bytes, little-endian, of the
    SHA-1 of the subject's canonical encoding, each value lower-cased with its spaces trimmed
    and collapsed, as a UTF8String. Made here so that no host runs openssl at every start."""
    canon = b"".join(
        _der(0x31, b"".join(_der(0x30, _der_oid(a.oid.dotted_string) + _der(0x0C, _canon(a.value)))
                            for a in rdn))
        for rdn in cert.subject.rdns)
    return hashlib.sha1(canon).digest()[3::-1].hex()


ASCII_SPACE = " \t\n\v\f\r"
ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def _canon(value: str) -> bytes:
    """A name's value as OpenSSL compares it: ASCII spaces trimmed and collapsed, ASCII
    letters lower-cased (the others kept as they are)."""
    words = re.split(f"[{ASCII_SPACE}]+", value.strip(ASCII_SPACE))
    return " ".join(words).translate(ASCII_LOWER).encode()


def _der(tag: int, content: bytes) -> bytes:
    size = len(content)
    if size < 0x80:
        return bytes([tag, size]) + content
    octets = (size.bit_length() + 7) // 8
    return bytes([tag, 0x80 | octets]) + size.to_bytes(octets, "big") + content


def _der_oid(dotted: str) -> bytes:
    first, second, *rest = map(int, dotted.split("."))
    body = bytearray()
    for arc in [40 * first + second, *rest]:
        chunk = [arc & 0x7F]
        while arc := arc >> 7:
            chunk.append(0x80 | arc & 0x7F)
        body += bytes(reversed(chunk))
    return _der(0x06, bytes(body))


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc)


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Network Playground"),
                      x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _key_pem(key) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def _write(path: Path, data: bytes, mode: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    path.chmod(mode)


def _write_ca(folder: Path) -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = _name("Network Playground CA (example.com)")
    cert = (x509.CertificateBuilder()
            .subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(_now() - datetime.timedelta(days=1))
            .not_valid_after(_now() + datetime.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False,
                                         key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, key_cert_sign=True, crl_sign=True,
                                         encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                           critical=False)
            .sign(key, hashes.SHA256()))
    _write(folder / "ca.key", _key_pem(key), 0o600)
    _write(folder / "ca.crt", cert.public_bytes(serialization.Encoding.PEM), 0o644)


def _write_leaf(stem: Path, cn: str, dns_names: list[str], ca_key, ca_cert, server: bool) -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    usage = ExtendedKeyUsageOID.SERVER_AUTH if server else ExtendedKeyUsageOID.CLIENT_AUTH
    builder = (x509.CertificateBuilder()
               .subject_name(_name(cn)).issuer_name(ca_cert.subject)
               .public_key(key.public_key())
               .serial_number(x509.random_serial_number())
               .not_valid_before(_now() - datetime.timedelta(days=1))
               .not_valid_after(_now() + datetime.timedelta(days=825))
               .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
               .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False,
                                            key_encipherment=True, data_encipherment=False,
                                            key_agreement=False, key_cert_sign=False,
                                            crl_sign=False, encipher_only=False,
                                            decipher_only=False), critical=True)
               .add_extension(x509.ExtendedKeyUsage([usage]), critical=False)
               .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                              critical=False)
               .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                   ca_key.public_key()), critical=False))
    if dns_names:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.DNSName(n) for n in dict.fromkeys(dns_names)]),
            critical=False)
    cert = builder.sign(ca_key, hashes.SHA256())
    _write(stem.with_suffix(".key"), _key_pem(key), 0o600)
    _write(stem.with_suffix(".crt"), cert.public_bytes(serialization.Encoding.PEM), 0o644)


def _write_ssh_key(path: Path) -> None:
    key = ed25519.Ed25519PrivateKey.generate()
    private = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.OpenSSH,
                                serialization.NoEncryption())
    public = key.public_key().public_bytes(serialization.Encoding.OpenSSH,
                                           serialization.PublicFormat.OpenSSH)
    _write(path, private, 0o600)
    _write(path.with_suffix(".pub"), public + b" playground-lab-key\n", 0o644)
