"""Grader for chapter 6: TLS clients and servers verified against the lab CA, what the wire
shows of a handshake (SNI, the certificate in TLS 1.2 but not 1.3), mutual TLS, and HMAC
challenge-response as the authenticated-but-not-encrypted contrast.

Nothing here knows what the lab's certificates contain: the expected names and bytes are
read from the certificates mounted in the hosts. The other certificates are made here, on
this machine, for each test with fresh names: impostors from a throwaway CA, and leaves the
lab CA signs (a server certificate naming an address, a second client identity). Only
certificates and the keys of leaves go into a host's /tmp, removed afterwards; the lab CA's
key never leaves this machine."""
import hashlib
import hmac
import re
import shlex

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import NameOID

from playground.grading import clean_failure, conversations, shown, sni, tls_records, token
from playground.identities import CLIENT, SERVER, issue, lab_ca, pem, throwaway_ca

WWW = "www.example.com"
SERVER_CERT = "/etc/playground/tls/server.crt"      # on www
CLIENT_CERT = "/etc/playground/certs/client/student.crt"
CLIENT_KEY = "/etc/playground/certs/client/student.key"

# Each test has its own ports (6000-6099), so tests never trip over each other's servers.
PORT_ECHO, PORT_REPORT, PORT_VERSIONS = 6001, 6002, 6003
PORT_EX1_IMPOSTOR, PORT_EX1_ADDRESS = 6010, 6011
PORT_EX2_NAMES, PORT_EX2_REFUSE, PORT_EX2_OTHER_CA = 6020, 6021, 6022
PORT_EX3, PORT_EX3_IMPOSTOR, PORT_EX3_NAME, PORT_EX3_ADDRESS = 6030, 6031, 6032, 6033
PORT_EX4, PORT_EX4_REPLAY, PORT_EX4_LENGTHS = 6040, 6041, 6042


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


def client_hellos(stream):
    """The ClientHello messages in clear in a client's stream."""
    return [body for kind, body in tls_records(stream)
            if kind == 22 and body[:1] == bytes([CLIENT_HELLO])]


# --- certificates made for a test ------------------------------------------------------

@pytest.fixture
def impostor_www(put):
    """An impostor certificate (and key) for www.example.com on www, made like the lab-CA
    certificates the address tests verify, so a client refusing it refuses for its CA."""
    leaf = issue(throwaway_ca(), WWW, SERVER, dns=[WWW, "www"])
    return put("www", leaf)


@pytest.fixture
def address_cert(put, topology):
    """A certificate from the lab CA for www.example.com, a fresh name and www's address, in
    www: (the file, with its key, the fresh name)."""
    fresh = f"{token()}.example.com"
    leaf = issue(lab_ca(), WWW, SERVER, dns=[WWW, fresh],
                 ips=[str(topology["www"].address)])
    return put("www", leaf), fresh


def tls_server(serve, lab_file, port, cert=None):
    """tls_server.py on www, with the lab's certificate or cert (a file holding its key)."""
    own = ("--cert", cert, "--key", cert) if cert else ()
    return serve("www", "python3", lab_file("tls_server.py"), "--port", str(port), *own,
                 port=port)


# --- the example programs --------------------------------------------------------------

def test_own_client_and_server(run, serve, lab_file):
    """tls_client on h1 verifies tls_server on www and the line arrives intact."""
    line = "hello " + token()
    with tls_server(serve, lab_file, PORT_ECHO) as server:
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
    with tls_server(serve, lab_file, PORT_REPORT):
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
    with tls_server(serve, lab_file, PORT_VERSIONS):
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

def verify_client(run, program, host, *options):
    return run("h1", *program("verify_client.py"), host, *options)


@pytest.mark.exercise(1)
def test_ex1_verifies_www(run, program, capture, topology):
    """The real www.example.com:443 is accepted; the SNI is on the wire."""
    names = dns_names(certificate(run, "www", SERVER_CERT))
    with capture("isp", facing="modemA", filter="tcp port 443") as cap:
        result = verify_client(run, program, WWW)
    assert result.status == 0, f"www.example.com:443 was refused:{shown(result)}"
    first = result.stdout.strip().splitlines()[0] if result.stdout.strip() else ""
    assert first.startswith(f"verified {WWW}:443"), f"expected 'verified {WWW}:443 ...': {first!r}"
    assert all(name in first for name in names), f"the line should list {names}: {first!r}"
    hellos = [sni(body) for to_server, _ in conversations(cap.packets, 443).values()
              for body in client_hellos(to_server)]
    assert WWW in hellos, f"no ClientHello with SNI {WWW} in {cap.path} (saw {hellos})"


@pytest.mark.exercise(1)
def test_ex1_refuses_foreign_ca(run, serve, program, lab_file, impostor_www):
    """A server on www presenting a www.example.com certificate from another CA is refused."""
    with tls_server(serve, lab_file, PORT_EX1_IMPOSTOR, impostor_www) as server:
        result = verify_client(run, program, WWW, "--port", str(PORT_EX1_IMPOSTOR))
        clean_failure(result, "an impostor certificate from a foreign CA", "refused")
        assert "refused" in server.output(), \
            f"the impostor saw no rejected handshake:\n{server.output()}"


@pytest.mark.exercise(1)
def test_ex1_refuses_wrong_name(run, program, topology):
    """A lab certificate that names another host is refused: by address, and as if DNS had
    sent mail.example.com to www's address."""
    address = str(topology["www"].address)
    for argv in ([address], ["mail.example.com", "--address", address]):
        result = verify_client(run, program, *argv)
        clean_failure(result, f"www's certificate for {argv[0]}", "refused")


@pytest.mark.exercise(1)
def test_ex1_checks_the_name_it_was_asked_for(run, serve, program, lab_file, topology,
                                              address_cert):
    """A lab certificate naming www.example.com, a fresh name and www's address: asked for
    by the address or the fresh name, it is verified (and the line lists the certificate's
    own names); asked for as mail.example.com at that address, refused. The name checked
    is the one asked for, never the address connected to."""
    cert, fresh = address_cert
    address, port = str(topology["www"].address), str(PORT_EX1_ADDRESS)
    # getpeercert() names attributes by OpenSSL's long names, which cryptography keeps too
    issuer = ", ".join(f"{a.oid._name}={a.value}" for a in lab_ca().cert.subject)
    with tls_server(serve, lab_file, PORT_EX1_ADDRESS, cert):
        for argv in ([address], [fresh, "--address", address]):
            result = verify_client(run, program, *argv, "--port", port)
            expected = (f"verified {argv[0]}:{port}: TLSv1.VERSION, certificate for {WWW}, "
                        f"{fresh} issued by {issuer}")
            pattern = re.escape(expected).replace("VERSION", "[23]")
            assert result.status == 0 and re.fullmatch(pattern, result.stdout.strip()), \
                f"asked for {argv[0]} at {address}, whose certificate names it: expected " \
                f"{expected!r}{shown(result)}"
        result = verify_client(run, program, "mail.example.com", "--address", address,
                               "--port", port)
        clean_failure(result, f"a certificate naming {address} but not mail.example.com, "
                      f"asked for mail.example.com at {address}", "refused")


# --- Exercise 2: mutual TLS -------------------------------------------------------------

def mtls_server(serve, program, port, *options):
    return serve("www", *program("mtls_server.py"), "--port", str(port), *options, port=port)


def tls_client(run, lab_file, port, *options, message="who am I?"):
    return run("h1", "python3", lab_file("tls_client.py"), WWW, "--port", str(port),
               "--message", message, *options)


def assert_greeted(run, lab_file, server, port, name, *options):
    """A client presenting *options is answered 'hello NAME: you sent LINE', and the server
    logs NAME."""
    __tracebackhide__ = True
    line = token()
    result = tls_client(run, lab_file, port, *options, message=line)
    last = result.stdout.strip().splitlines()[-1:] or [""]
    assert result.status == 0 and last[0] == f"hello {name}: you sent {line}", \
        f"a client with the certificate of {name!r} should be greeted 'hello {name}: you " \
        f"sent {line}'{shown(result)}server:\n{server.output()}"
    assert f"says {name!r}" in server.output(), \
        f"the server did not log {name!r}:\n{server.output()}"


def assert_not_greeted(run, lab_file, server, port, what, *options):
    __tracebackhide__ = True
    result = tls_client(run, lab_file, port, *options)
    assert server.alive(), f"the server died after a client with {what}:\n{server.output()}"
    assert result.status != 0 and "hello" not in result.stdout, \
        f"a client with {what} was served:{shown(result)}server:\n{server.output()}"


@pytest.mark.exercise(2)
def test_ex2_names_the_client(run, serve, program, lab_file, put):
    """Two clients with certificates from the lab CA, the student's and one made for this
    test with a fresh name: each is greeted with ITS certificate's CN."""
    cn = common_name(certificate(run, "h1", CLIENT_CERT))
    other = f"caller-{token()}"
    other_cert = put("h1", issue(lab_ca(), other, CLIENT))
    with mtls_server(serve, program, PORT_EX2_NAMES) as server:
        assert_greeted(run, lab_file, server, PORT_EX2_NAMES, cn,
                       "--cert", CLIENT_CERT, "--key", CLIENT_KEY)
        assert_greeted(run, lab_file, server, PORT_EX2_NAMES, other,
                       "--cert", other_cert)


@pytest.mark.exercise(2)
def test_ex2_refuses_without_lab_certificate(run, serve, program, lab_file, put):
    """No certificate, or one with the right name from a foreign CA: refused, with TLS 1.3
    and 1.2; the server survives and still serves a proper client afterwards."""
    cn = common_name(certificate(run, "h1", CLIENT_CERT))
    fake = put("h1", issue(throwaway_ca(), cn, CLIENT))
    attempts = {"no certificate": (), "no certificate, TLS 1.2": ("--max-version", "1.2"),
                "a foreign CA's certificate": ("--cert", fake)}
    with mtls_server(serve, program, PORT_EX2_REFUSE) as server:
        for what, options in attempts.items():
            assert_not_greeted(run, lab_file, server, PORT_EX2_REFUSE, what, *options)
        assert_greeted(run, lab_file, server, PORT_EX2_REFUSE, cn,
                       "--cert", CLIENT_CERT, "--key", CLIENT_KEY)


@pytest.mark.exercise(2)
def test_ex2_trusts_only_the_ca_it_is_given(run, serve, program, lab_file, put):
    """Started with --client-ca naming another CA, the server greets a client of that CA by
    its name and refuses the student's certificate from the lab CA (trusting the system
    store, or the lab CA whatever it is told, lets it in)."""
    ca = throwaway_ca()
    ca_file = put("www", pem(ca.cert))
    caller = f"caller-{token()}"
    caller_cert = put("h1", issue(ca, caller, CLIENT))
    with mtls_server(serve, program, PORT_EX2_OTHER_CA, "--client-ca", ca_file) as server:
        assert_greeted(run, lab_file, server, PORT_EX2_OTHER_CA, caller,
                       "--cert", caller_cert)
        assert_not_greeted(run, lab_file, server, PORT_EX2_OTHER_CA,
                           "a lab certificate, the server told to trust another CA only",
                           "--cert", CLIENT_CERT, "--key", CLIENT_KEY)


# --- Exercise 3: the secret on the wire -------------------------------------------------

def secret_client(run, program, host, secret, *options):
    return run("h1", *program("secret_client.py"), host, *options, stdin=secret + "\n")


def assert_secret_kept(result, server, secret, what):
    """Refused in one line, and the secret is neither in the client's output nor at the
    server."""
    __tracebackhide__ = True
    clean_failure(result, what, "refused")
    assert secret not in result.stdout + result.stderr, \
        f"{what}: the program printed the secret{shown(result)}"
    assert secret not in server.output(), f"{what}: the server received the secret"


@pytest.mark.exercise(3)
def test_ex3_secret_not_on_the_wire(run, serve, program, lab_file, capture):
    """The secret reaches tls_server on www; on isp it is nowhere, nor in the program's own
    output, while the handshake and the SNI are in clear."""
    secret = token()
    with tls_server(serve, lab_file, PORT_EX3) as server:
        with capture("isp", facing="modemA") as cap:       # all of it: a leak may go anywhere
            result = secret_client(run, program, WWW, secret, "--port", str(PORT_EX3))
        assert result.status == 0, shown(result)
        assert f"received {secret!r}" in server.output(), \
            f"the secret did not arrive at the server:\n{server.output()}"
    expected = (f"sent {len(secret)} bytes to {WWW}:{PORT_EX3}; it answered "
                f"{len('echo: ' + secret)} characters")
    assert result.stdout.strip() == expected and not result.stderr, \
        f"the program should print only {expected!r} (never the secret){shown(result)}"
    leaks = [str(p) for p in cap.packets if secret.encode() in p.payload]
    assert not leaks, f"the secret is in clear on the wire ({cap.path}): {leaks[:3]}"
    talks = conversations(cap.packets, PORT_EX3)
    assert len(talks) == 1, f"expected one TLS connection in {cap.path}, saw {len(talks)}"
    (to_server, to_client), = talks.values()
    assert all(secret.encode() not in s for s in (to_server, to_client)), \
        f"the secret is in clear in the TCP stream ({cap.path})"
    hello = client_hellos(to_server)
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
    with tls_server(serve, lab_file, PORT_EX3_IMPOSTOR, impostor_www) as server:
        result = secret_client(run, program, WWW, secret, "--port", str(PORT_EX3_IMPOSTOR))
        assert_secret_kept(result, server, secret, "an impostor certificate from a foreign CA")
    address = str(topology["www"].address)
    with tls_server(serve, lab_file, PORT_EX3_NAME) as server:
        result = secret_client(run, program, address, secret, "--port", str(PORT_EX3_NAME))
        assert_secret_kept(result, server, secret, f"www's certificate for the name {address}")


@pytest.mark.exercise(3)
def test_ex3_secret_for_the_name_asked_for(run, serve, program, lab_file, topology,
                                           address_cert):
    """A lab certificate naming www.example.com and www's address: asked for as
    mail.example.com at that address, the client refuses (the name checked is the one asked
    for, not the address); asked for by the address, it delivers."""
    cert, _ = address_cert
    address, port = str(topology["www"].address), str(PORT_EX3_ADDRESS)
    secret = token()
    with tls_server(serve, lab_file, PORT_EX3_ADDRESS, cert) as server:
        result = secret_client(run, program, "mail.example.com", secret, "--address", address,
                               "--port", port)
        assert_secret_kept(result, server, secret, f"a certificate naming {address} but not "
                           f"mail.example.com, asked for mail.example.com at {address}")
        result = secret_client(run, program, address, secret, "--port", port)
        assert result.status == 0 and f"received {secret!r}" in server.output(), \
            f"asked for {address}, whose certificate names it, the secret should arrive" \
            f"{shown(result)}server:\n{server.output()}"


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
    correct HMAC-SHA256 answer and the message in clear, never the key; and neither program
    prints the key."""
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
        for who, text in (("client", good.stdout + good.stderr), ("server", server.output())):
            assert key not in text, f"the {who} printed the key:\n{text}"
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


@pytest.mark.exercise(4)
def test_ex4_every_wrong_length_denied(run, serve, program, lab_file):
    """hmac_probe.py, knowing the key, answers each challenge with the right HMAC cut to 0-31
    bytes (0: the empty response any client can send) or padded to 33-64: all DENIED. Its
    64 challenges are 32 bytes each, all different, and no byte position keeps one value
    (a counter or a fixed prefix is predictable)."""
    key = token()
    with hmac_server(serve, program, PORT_EX4_LENGTHS, key) as server:
        probe = run("h2", "python3", lab_file("hmac_probe.py"), "www", "--key", key,
                    "--port", str(PORT_EX4_LENGTHS))
        assert probe.status == 0, \
            f"a RESPONSE of a wrong length was ACCEPTED (LENGTH VERDICT CHALLENGE per try)" \
            f"{shown(probe)}server:\n{server.output()}"
    challenges = [bytes.fromhex(line.split()[-1]) for line in probe.stdout.splitlines()]
    assert len(challenges) == 64 and {len(c) for c in challenges} == {32}, \
        f"expected 64 challenges of 32 bytes{shown(probe)}"
    assert len(set(challenges)) == len(challenges), f"a challenge repeated{shown(probe)}"
    fixed = [i for i in range(32) if len({c[i] for c in challenges}) == 1]
    assert not fixed, f"bytes {fixed} were the same in all 64 challenges: predictable" \
                      f"{shown(probe)}"
