"""An impostor FTPS server: it answers AUTH TLS with a certificate for www.example.com from
a certificate authority of its own, made when it starts, that no host trusts. Then it
accepts any login and prints every command it receives, passwords included: what a client
that does not verify the server hands to whoever is in the middle."""
import argparse
import datetime
import os
import socket
import ssl
import tempfile

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

import labkit

PORT = 17021
NAMES = ("www.example.com", "www")

REPLIES = {"AUTH": "234 Proceed with negotiation.", "USER": "331 Please specify the password.",
           "PASS": "230 Login successful.", "PBSZ": "200 PBSZ set to 0.",
           "PROT": "200 PROT now Private.", "TYPE": "200 Switching to Binary mode.",
           "QUIT": "221 Goodbye."}


def certificate(subject: str, issuer_key, issuer: x509.Name, key, ca: bool, names=()):
    now = datetime.datetime.now(datetime.timezone.utc)
    builder = (x509.CertificateBuilder()
               .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
               .issuer_name(issuer).public_key(key.public_key())
               .serial_number(x509.random_serial_number())
               .not_valid_before(now - datetime.timedelta(hours=1))
               .not_valid_after(now + datetime.timedelta(days=1))
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if names:   # a leaf as good as the real one's: names and purpose, only the CA is wrong
        builder = (builder
                   .add_extension(x509.SubjectAlternativeName([x509.DNSName(n) for n in names]),
                                  critical=False)
                   .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]),
                                  critical=False))
    return builder.sign(issuer_key, hashes.SHA256())


def impostor_context() -> ssl.SSLContext:
    """A server context presenting a leaf for NAMES signed by a brand-new CA."""
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca = certificate("Impostor CA", ca_key, x509.Name([x509.NameAttribute(
        NameOID.COMMON_NAME, "Impostor CA")]), ca_key, ca=True)
    leaf = certificate(NAMES[0], ca_key, ca.subject, key, ca=False, names=NAMES)
    pem = (leaf.public_bytes(serialization.Encoding.PEM)
           + key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                               serialization.NoEncryption()))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    with tempfile.TemporaryDirectory() as folder:   # load_cert_chain reads only files
        path = os.path.join(folder, "leaf.pem")
        with open(path, "wb") as f:
            f.write(pem)
        context.load_cert_chain(path)
    return context


def converse(conn, context: ssl.SSLContext) -> None:
    """Answer one client's commands, printing each; after AUTH TLS, over the impostor's TLS."""
    conn.sendall(b"220 Welcome (impostor)\r\n")
    reader = conn.makefile("rb")
    while raw := reader.readline():
        line = raw.decode(errors="replace").rstrip("\r\n")
        print(f"impostor got: {line}", flush=True)
        verb = line.split(" ", 1)[0].upper()
        conn.sendall(f"{REPLIES.get(verb, '425 No data connection here.')}\r\n".encode())
        if verb == "QUIT":
            return
        if verb == "AUTH":   # the client waits for our 234 before its ClientHello
            conn = context.wrap_socket(conn, server_side=True)
            reader = conn.makefile("rb")
            print(f"impostor: {conn.version()} with the client", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=labkit.port, default=PORT)
    args = parser.parse_args()
    context = impostor_context()
    with socket.create_server(("", args.port)) as listener:
        print(f"impostor FTPS on port {args.port}", flush=True)
        while True:
            conn, peer = listener.accept()
            conn.settimeout(10)
            try:
                converse(conn, context)
            except OSError as exc:   # a client that refuses our certificate, or leaves
                print(f"impostor: {peer[0]}: {exc}", flush=True)
            finally:
                conn.close()


if __name__ == "__main__":
    labkit.main(main)
