"""What the chapter 6 programs share about TLS: where the lab's certificates live, the
contexts, a one-line explanation of every TLS failure, a report of what a handshake
negotiated, and a server accept loop that survives clients whose handshake fails.
(Argument types, one-line exits and line reading come from labkit.)"""

import argparse
import socket
import ssl

import labkit

# Mounted by compose.yaml: the CA and the student's client certificate on every host, the
# server certificate only on www. Nothing here knows what the certificates contain.
CA_FILE = "/etc/playground/certs/ca.crt"
CLIENT_CERT = "/etc/playground/certs/client/student.crt"
CLIENT_KEY = "/etc/playground/certs/client/student.key"
SERVER_CERT = "/etc/playground/tls/server.crt"
SERVER_KEY = "/etc/playground/tls/server.key"

VERSIONS = {"1.2": ssl.TLSVersion.TLSv1_2, "1.3": ssl.TLSVersion.TLSv1_3}
TIMEOUT = 10.0


def client_parser(description, default_port):
    """The arguments of a client of this chapter: host, --port and --address."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("host", help="the server's name, e.g. www.example.com")
    parser.add_argument("--port", type=labkit.port, default=default_port,
                        help=f"TCP port (default: {default_port})")
    parser.add_argument("--address", help="connect to this address instead of host's")
    return parser


def server_parser(description, default_port):
    """The arguments of a server of this chapter: --host, --port, --cert and --key."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--host", default="0.0.0.0", help="address to listen on (default: all)")
    parser.add_argument("--port", type=labkit.port, default=default_port,
                        help=f"TCP port (default: {default_port})")
    parser.add_argument("--cert", default=SERVER_CERT, help="server certificate (PEM)")
    parser.add_argument("--key", default=SERVER_KEY, help="its private key (PEM)")
    return parser


def explain(exc):
    """One line saying why a connection or handshake failed (no traceback)."""
    if isinstance(exc, ssl.SSLCertVerificationError):
        return f"certificate rejected: {exc.verify_message}"
    if isinstance(exc, ssl.SSLError):
        # getattr: an SSLError raised by hand, not by OpenSSL, has no reason
        return f"TLS failure: {getattr(exc, 'reason', None) or exc}"
    if isinstance(exc, socket.gaierror):
        return f"name lookup failed: {exc.strerror}"
    if isinstance(exc, TimeoutError):
        return "timed out"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused (is the server running?)"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)


def client_context(max_version=None, cert=None, key=None):
    """A verifying client context: the system store (which trusts the lab CA), hostname
    checking on; optionally capped at a TLS version and with a client certificate."""
    context = ssl.create_default_context()
    if max_version:
        context.maximum_version = VERSIONS[max_version]
    if cert:
        context.load_cert_chain(cert, key)
    return context


def server_context(cert, key):
    """A server context for our own certificate; files that cannot be read stop the program."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    try:
        context.load_cert_chain(cert, key)
    except (OSError, ssl.SSLError) as exc:
        labkit.fail(f"cannot load certificate {cert} / key {key}: {explain(exc)}")
    return context


def open_tls(context, host, port, address=None):
    """Connect to address (default: host) and shake hands, checking the certificate for host."""
    raw = socket.create_connection((address or host, port), timeout=TIMEOUT)
    try:
        return context.wrap_socket(raw, server_hostname=host)
    except BaseException:
        raw.close()
        raise


def name_of(cert, field="subject"):
    """'CN=www.example.com, O=...' from the subject or issuer of a getpeercert() dict."""
    parts = [f"{key}={value}" for rdn in cert.get(field, ()) for key, value in rdn]
    return ", ".join(parts) or "(none)"


def common_name(cert):
    """The subject's commonName, or None."""
    for rdn in cert.get("subject", ()):
        for key, value in rdn:
            if key == "commonName":
                return value
    return None


def dns_names(cert):
    """The DNS names of the certificate's subjectAltName, in order."""
    return [value for kind, value in cert.get("subjectAltName", ()) if kind == "DNS"]


def handshake_summary(tls):
    """What was negotiated, as (label, value) pairs."""
    cipher, _, bits = tls.cipher()
    cert = tls.getpeercert() or {}
    return [
        ("protocol", tls.version()),
        ("cipher", f"{cipher} ({bits} bits)"),
        ("subject", name_of(cert)),
        ("issuer", name_of(cert, "issuer")),
        ("names", ", ".join(dns_names(cert)) or "(none)"),
        ("valid until", cert.get("notAfter", "?")),
    ]


def listen(host, port):
    """A plain TCP listening socket; TLS starts per connection, after accept()."""
    try:
        return socket.create_server((host, port))
    except OSError as exc:
        labkit.fail(f"cannot listen on {host}:{port}: {explain(exc)}")


def serve_tls(listener, context, handle, count=0):
    """Accept connections one at a time, shake hands, and call handle(tls, address).
    A client whose handshake fails is reported and dropped; the server carries on."""
    served = 0
    while not count or served < count:
        conn, address = listener.accept()
        conn.settimeout(TIMEOUT)
        where = f"{address[0]}:{address[1]}"
        try:
            with context.wrap_socket(conn, server_side=True) as tls:
                handle(tls, where)
        except OSError as exc:
            print(f"{where}: refused: {explain(exc)}", flush=True)
        except EOFError as exc:
            print(f"{where}: dropped: {exc}", flush=True)
        finally:
            conn.close()
        served += 1


def read_line(sock):
    """One line of text (without its newline) from a socket, TLS or not; EOFError if the
    peer closes first."""
    return labkit.recv_line(sock).decode("utf-8", "replace").rstrip("\r\n")
