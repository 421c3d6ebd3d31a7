"""Grader for chapter 6: TLS clients and servers verified against the lab CA, what the wire
shows of a handshake (SNI, the certificate in TLS 1.2 but not 1.3), mutual TLS, and HMAC
challenge-response as the authenticated-but-not-encrypted contrast.

Nothing here knows what the lab's certificates contain: the expected names and bytes are
read from the certificates mounted in the hosts. The impostors are throwaway CAs and
certificates made with openssl in a host's /tmp and removed afterwards."""
import hashlib
import hmac
import shlex
from dataclasses import dataclass

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import NameOID

from playground.grading import clean_failure, conversations, shown, sni, tls_records, token

WWW = "www.example.com"
SERVER_CERT = "/etc/playground/tls/server.crt"      # on www
CLIENT_CERT = "/etc/playground/certs/client/student.crt"
CLIENT_KEY = "/etc/playground/certs/client/student.key"

# Each test has its own ports (6000-6099), so tests never trip over each other's servers.
PORT_ECHO, PORT_REPORT, PORT_VERSIONS = 6001, 6002, 6003
PORT_EX1_IMPOSTOR = 6010
PORT_EX2_NAMES, PORT_EX2_REFUSE = 6020, 6021
PORT_EX3, PORT_EX3_IMPOSTOR, PORT_EX3_NAME = 6030, 6031, 6032
PORT_EX4, PORT_EX4_REPLAY = 6040, 6041


# --- helpers ---------------------------------------------------------------------------

def certificate(run, host, path):
    """The certificate at path inside host, parsed (what that host really uses)."""
    pem = run(host, "cat", path).check().stdout.encode()
    return x509.load_pem_x509_certificate(pem)


def common_name(cert):
    return cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value


def dns_names(cert):
    san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    return san.get_values_for_type(x509.DNSName)


def handshake_types(stream):
    """The handshake message types visible in clear in a stream's first records."""
    return [body[0] for kind, body in tls_records(stream) if kind == 22 and body]


CLIENT_HELLO, SERVER_HELLO = 1, 2


# --- throwaway impostor certificates ---------------------------------------------------

@dataclass
class Impostor:
    folder: str
    cert: str
    key: str
    ca: str


IMPOSTOR_SCRIPT = r"""
set -e
d=$(mktemp -d /tmp/ch06-impostor-XXXXXX)
cd "$d"
ec="-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes"
openssl req -x509 $ec -days 1 -subj "/CN=Impostor CA" -keyout ca.key -out ca.crt \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign
openssl req -new $ec -subj "/CN=$1" -keyout leaf.key -out leaf.csr
printf 'subjectAltName=%s\nextendedKeyUsage=%s\n' "$2" "$3" > ext
openssl x509 -req -in leaf.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 1 \
    -extfile ext -out leaf.crt
rm -f ca.key leaf.csr ext ca.srl
echo "$d"
"""


@pytest.fixture
def impostor(run):
    """make(host, cn, san, eku) -> Impostor: a certificate like a lab one, but from a CA no
    host trusts; every folder made is removed after the test."""
    made = []

    def make(host, cn, san, eku):
        result = run(host, "sh", "-c", IMPOSTOR_SCRIPT, "impostor", cn, san, eku).check()
        folder = result.stdout.strip().splitlines()[-1]
        made.append((host, folder))
        return Impostor(folder, f"{folder}/leaf.crt", f"{folder}/leaf.key", f"{folder}/ca.crt")

    yield make
    for host, folder in made:
        run(host, "rm", "-rf", folder)


@pytest.fixture
def impostor_www(impostor, run):
    """An impostor certificate for www.example.com on www, checked to be good in every
    respect but its CA (so a client refusing it refuses for the right reason)."""
    fake = impostor("www", WWW, f"DNS:{WWW},DNS:www", "serverAuth")
    check = run("www", "openssl", "verify", "-CAfile", fake.ca, "-purpose", "sslserver",
                "-verify_hostname", WWW, fake.cert)
    assert check.status == 0, f"test setup: impostor certificate is broken: {shown(check)}"
    return fake


# --- the example programs --------------------------------------------------------------

def test_own_client_and_server(run, serve, lab_file):
    """tls_client on h1 verifies tls_server on www and the line arrives intact."""
    line = "hello " + token()
    with serve("www", "python3", lab_file("tls_server.py"), "--port", str(PORT_ECHO),
               port=PORT_ECHO) as server:
        result = run("h1", "python3", lab_file("tls_client.py"), WWW,
                     "--port", str(PORT_ECHO), "--message", line)
        assert result.status == 0, shown(result)
        assert f"echo: {line}" in result.stdout
        assert "TLSv1.3" in result.stdout
        assert f"received {line!r}" in server.output()


def test_report_names_and_match(run, serve, lab_file, topology):
    """tls_report shows version, cipher, the certificate's subject and names and which one
    matched, against httpbin on 443 and our own server; an address-only name is refused."""
    cert = certificate(run, "www", SERVER_CERT)
    names = dns_names(cert)
    with serve("www", "python3", lab_file("tls_server.py"), "--port", str(PORT_REPORT),
               port=PORT_REPORT):
        for host, port in [(WWW, 443), ("www", PORT_REPORT)]:
            result = run("h1", "python3", lab_file("tls_report.py"), host, "--port", str(port))
            assert result.status == 0, shown(result)
            out = result.stdout
            assert "protocol:     TLSv1.3" in out and "cipher:" in out, out
            assert f"commonName={common_name(cert)}" in out, out
            assert f"names:        {', '.join(names)}" in out, out
            assert f"{host} matches {host!r}" in out, out
    address = str(topology["www"].address)
    result = run("h1", "python3", lab_file("tls_report.py"), address)
    assert result.status != 0 and "mismatch" in result.stderr, shown(result)


def test_certificate_visible_in_tls12_only(run, serve, lab_file, capture):
    """On isp, the server certificate's DER bytes cross the wire in clear with TLS 1.2 and
    not with TLS 1.3 (encrypted there)."""
    der = certificate(run, "www", SERVER_CERT).public_bytes(Encoding.DER)
    seen = {}
    with serve("www", "python3", lab_file("tls_server.py"), "--port", str(PORT_VERSIONS),
               port=PORT_VERSIONS):
        for version in ("1.2", "1.3"):
            with capture("isp", facing="modemA", filter=f"tcp port {PORT_VERSIONS}") as cap:
                result = run("h1", "python3", lab_file("tls_client.py"), WWW,
                             "--port", str(PORT_VERSIONS), "--max-version", version)
            assert result.status == 0, shown(result)
            assert f"with TLSv{version}" in result.stdout, result.stdout
            talks = conversations(cap.packets, PORT_VERSIONS)
            assert len(talks) == 1, f"expected one connection in {cap.path}, saw {len(talks)}"
            (to_server, to_client), = talks.values()
            assert SERVER_HELLO in handshake_types(to_client), f"no ServerHello in {cap.path}"
            seen[version] = (der in to_client, cap.path)
    assert seen["1.2"][0], f"TLS 1.2: the certificate is not in clear in {seen['1.2'][1]}"
    assert not seen["1.3"][0], f"TLS 1.3: the certificate is in clear in {seen['1.3'][1]}"


# --- Exercise 1: a client that verifies ------------------------------------------------

@pytest.mark.exercise(1)
def test_ex1_verifies_www(run, program, capture, topology):
    """The real www.example.com:443 is accepted; the SNI is on the wire."""
    names = dns_names(certificate(run, "www", SERVER_CERT))
    with capture("isp", facing="modemA", filter="tcp port 443") as cap:
        result = run("h1", *program("verify_client.py"), WWW)
    assert result.status == 0, f"www.example.com:443 was refused:{shown(result)}"
    first = result.stdout.strip().splitlines()[0] if result.stdout.strip() else ""
    assert first.startswith(f"verified {WWW}:443"), f"expected 'verified {WWW}:443 ...': {first!r}"
    assert all(name in first for name in names), f"the line should list {names}: {first!r}"
    hellos = [sni(body) for to_server, _ in conversations(cap.packets, 443).values()
              for kind, body in tls_records(to_server) if kind == 22 and body[:1] == b"\x01"]
    assert WWW in hellos, f"no ClientHello with SNI {WWW} in {cap.path} (saw {hellos})"


@pytest.mark.exercise(1)
def test_ex1_refuses_foreign_ca(run, serve, program, lab_file, impostor_www):
    """A server on www presenting a www.example.com certificate from another CA is refused."""
    with serve("www", "python3", lab_file("tls_server.py"), "--port", str(PORT_EX1_IMPOSTOR),
               "--cert", impostor_www.cert, "--key", impostor_www.key,
               port=PORT_EX1_IMPOSTOR) as server:
        result = run("h1", *program("verify_client.py"), WWW,
                     "--port", str(PORT_EX1_IMPOSTOR))
        clean_failure(result, "an impostor certificate from a foreign CA", "refused")
        assert "refused" in server.output(), \
            f"the impostor saw no rejected handshake:\n{server.output()}"


@pytest.mark.exercise(1)
def test_ex1_refuses_wrong_name(run, program, topology):
    """A lab certificate that names another host is refused: by address, and as if DNS had
    sent mail.example.com to www's address."""
    address = str(topology["www"].address)
    for argv in ([address], ["mail.example.com", "--address", address]):
        result = run("h1", *program("verify_client.py"), *argv)
        clean_failure(result, f"www's certificate for {argv[0]}", "refused")


# --- Exercise 2: mutual TLS -------------------------------------------------------------

def mtls_server(serve, program, port):
    return serve("www", *program("mtls_server.py"), "--port", str(port), port=port)


def tls_client(run, lab_file, port, *options):
    return run("h1", "python3", lab_file("tls_client.py"), WWW, "--port", str(port),
               "--message", "who am I?", *options)


@pytest.mark.exercise(2)
def test_ex2_names_the_client(run, serve, program, lab_file):
    """A client with the student certificate is greeted with its certificate's CN."""
    cn = common_name(certificate(run, "h1", CLIENT_CERT))
    with mtls_server(serve, program, PORT_EX2_NAMES) as server:
        result = tls_client(run, lab_file, PORT_EX2_NAMES, "--cert", CLIENT_CERT,
                            "--key", CLIENT_KEY)
        assert result.status == 0, f"the client with a certificate failed:{shown(result)}"
        assert f"hello {cn}" in result.stdout, \
            f"expected 'hello {cn}: ...' from the server, got:\n{result.stdout}"
        assert cn in server.output(), f"the server did not log {cn!r}:\n{server.output()}"


@pytest.mark.exercise(2)
def test_ex2_refuses_without_lab_certificate(run, serve, program, lab_file, impostor):
    """No certificate, or one with the right name from a foreign CA: refused, with TLS 1.3
    and 1.2; the server survives and still serves a proper client afterwards."""
    cn = common_name(certificate(run, "h1", CLIENT_CERT))
    fake = impostor("h1", cn, f"DNS:{cn}", "clientAuth")
    attempts = {"no certificate": (), "no certificate, TLS 1.2": ("--max-version", "1.2"),
                "a foreign CA's certificate": ("--cert", fake.cert, "--key", fake.key)}
    with mtls_server(serve, program, PORT_EX2_REFUSE) as server:
        for what, options in attempts.items():
            result = tls_client(run, lab_file, PORT_EX2_REFUSE, *options)
            assert result.status != 0 and "hello" not in result.stdout, \
                f"a client with {what} was served:{shown(result)}\n" \
                f"server:\n{server.output()}"
        result = tls_client(run, lab_file, PORT_EX2_REFUSE, "--cert", CLIENT_CERT,
                            "--key", CLIENT_KEY)
        assert result.status == 0 and f"hello {cn}" in result.stdout, \
            f"after refusing others, the server no longer serves {cn}:{shown(result)}"


# --- Exercise 3: the secret on the wire -------------------------------------------------

@pytest.mark.exercise(3)
def test_ex3_secret_not_on_the_wire(run, serve, program, lab_file, capture):
    """The secret reaches tls_server on www; on isp it is nowhere, while the handshake and the
    SNI are in clear."""
    secret = token()
    with serve("www", "python3", lab_file("tls_server.py"), "--port", str(PORT_EX3),
               port=PORT_EX3) as server:
        with capture("isp", facing="modemA") as cap:       # all of it: a leak may go anywhere
            result = run("h1", *program("secret_client.py"), WWW,
                         "--port", str(PORT_EX3), stdin=secret + "\n")
        assert result.status == 0, shown(result)
        assert f"received {secret!r}" in server.output(), \
            f"the secret did not arrive at the server:\n{server.output()}"
    leaks = [str(p) for p in cap.packets if secret.encode() in p.payload]
    assert not leaks, f"the secret is in clear on the wire ({cap.path}): {leaks[:3]}"
    talks = conversations(cap.packets, PORT_EX3)
    assert len(talks) == 1, f"expected one TLS connection in {cap.path}, saw {len(talks)}"
    (to_server, to_client), = talks.values()
    assert all(secret.encode() not in s for s in (to_server, to_client)), \
        f"the secret is in clear in the TCP stream ({cap.path})"
    hello = [body for kind, body in tls_records(to_server) if kind == 22 and body[:1] == b"\x01"]
    assert hello, f"no ClientHello in clear in {cap.path}"
    assert sni(hello[0]) == WWW, f"ClientHello SNI is {sni(hello[0])!r}, not {WWW!r}"
    assert SERVER_HELLO in handshake_types(to_client), f"no ServerHello in {cap.path}"
    assert any(kind == 23 for kind, _ in tls_records(to_server)), \
        f"no encrypted application data from the client in {cap.path}"


@pytest.mark.exercise(3)
def test_ex3_secret_only_for_the_real_server(run, serve, program, lab_file, topology,
                                            impostor_www):
    """The client refuses an impostor (foreign CA) and a wrong name before sending."""
    secret = token()
    impostor_server = serve("www", "python3", lab_file("tls_server.py"),
                            "--port", str(PORT_EX3_IMPOSTOR), "--cert", impostor_www.cert,
                            "--key", impostor_www.key, port=PORT_EX3_IMPOSTOR)
    with impostor_server as server:
        result = run("h1", *program("secret_client.py"), WWW,
                     "--port", str(PORT_EX3_IMPOSTOR), stdin=secret + "\n")
        clean_failure(result, "an impostor certificate from a foreign CA", "refused")
        assert secret not in server.output(), "the secret was given to the impostor"
    address = str(topology["www"].address)
    with serve("www", "python3", lab_file("tls_server.py"), "--port", str(PORT_EX3_NAME),
               port=PORT_EX3_NAME) as server:
        result = run("h1", *program("secret_client.py"), address,
                     "--port", str(PORT_EX3_NAME), stdin=secret + "\n")
        clean_failure(result, f"www's certificate for the name {address}", "refused")
        assert secret not in server.output(), \
            "the secret was sent to a server whose certificate does not name it"


# --- Exercise 4: HMAC challenge-response, no TLS ---------------------------------------

def hmac_server(serve, program, port, key):
    return serve("www", *program("hmac_auth.py"), "server", "--port", str(port),
                 "--key", key, port=port)


def hmac_session(run, program, port, key, message):
    return run("h1", *program("hmac_auth.py"), "client", "www", "--port", str(port),
               "--key", key, "--message", message)


def lines_of(stream, keyword):
    """The values of 'KEYWORD value' lines in a captured stream."""
    return [line.split(" ", 1)[1] for line in stream.decode(errors="replace").splitlines()
            if line.startswith(keyword + " ")]


@pytest.mark.exercise(4)
def test_ex4_right_key_in_wrong_key_out(run, serve, program, capture):
    """The right key is accepted and the wrong one refused; on the wire: the challenge, a
    correct HMAC-SHA256 answer and the message in clear, never the key."""
    key, message = token(), "note " + token()
    with hmac_server(serve, program, PORT_EX4, key) as server:
        with capture("isp", facing="modemA", filter=f"tcp port {PORT_EX4}") as cap:
            good = hmac_session(run, program, PORT_EX4, key, message)
        assert good.status == 0 and "ACCEPTED" in good.stdout, \
            f"the right key was not accepted:{shown(good)}\nserver:\n{server.output()}"
        assert message in server.output(), f"the message did not arrive:\n{server.output()}"
        bad = hmac_session(run, program, PORT_EX4, "not-" + key, message)
        assert bad.status != 0 and "DENIED" in bad.stdout, \
            f"a wrong key was not DENIED:{shown(bad)}"
    assert not any(key.encode() in p.payload for p in cap.packets), \
        f"the key itself crossed the wire ({cap.path})"
    talks = conversations(cap.packets, PORT_EX4)
    assert len(talks) == 1, f"expected one connection in {cap.path}, saw {len(talks)}"
    (to_server, to_client), = talks.values()
    challenges, responses = lines_of(to_client, "CHALLENGE"), lines_of(to_server, "RESPONSE")
    assert challenges and responses, f"no CHALLENGE/RESPONSE lines in clear in {cap.path}"
    expected = hmac.new(key.encode(), bytes.fromhex(challenges[0]), hashlib.sha256).hexdigest()
    assert responses[0].lower() == expected, \
        f"the RESPONSE is not HMAC-SHA256(key, challenge) (see {cap.path})"
    assert message.encode() in to_server, f"the message is not in clear in {cap.path}"


@pytest.mark.exercise(4)
def test_ex4_replayed_response_refused(run, serve, program, lab_file, capture):
    """A RESPONSE recorded on isp and replayed by an eavesdropper (hmac_replay.py) is DENIED."""
    key = token()
    with hmac_server(serve, program, PORT_EX4_REPLAY, key) as server:
        with capture("isp", facing="modemA", filter=f"tcp port {PORT_EX4_REPLAY}") as cap:
            good = hmac_session(run, program, PORT_EX4_REPLAY, key, "first")
        assert good.status == 0, \
            f"the right key was not accepted:{shown(good)}\nserver:\n{server.output()}"
        recorded = [r for to_server, _ in conversations(cap.packets, PORT_EX4_REPLAY).values()
                    for r in lines_of(to_server, "RESPONSE")]
        assert recorded, f"no RESPONSE line in clear in {cap.path}"
        replay = run("h2", "python3", lab_file("hmac_replay.py"), "www", recorded[0],
                     "--port", str(PORT_EX4_REPLAY))
        assert replay.status != 0 and "DENIED" in replay.stdout, \
            f"the replayed response {shlex.quote(recorded[0])} was accepted:\n" \
            f"{shown(replay)}\nserver:\n{server.output()}"
