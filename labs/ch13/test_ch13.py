"""Grader for chapter 13: SMTP clients against Postfix on mail.example.com and against
fake_smtp.py, our own server, on www (impostor certificates, other SIZE limits, AUTH
offered before TLS). Delivery is checked in the student's Maildir on mail, read directly;
the dialogue on the wire, in captures on example: what crosses in clear up to STARTTLS,
and nothing but TLS records after it.

The mailbox is shared with other chapters' graders: each test finds its own messages by a
fresh token in the subject or the addresses, and restores the seed mailbox afterwards
(reset-mailbox). Impostor certificates are made here for each run: one for
www.example.com from a throwaway CA, and one from the lab CA for a fresh name that is not
www's. Only the leaf and its key go into www's /tmp, removed afterwards."""
import base64
import email
import random
from email import policy

import pytest

from playground.grading import clean_failure, conversations, shown, tls_records, token, \
    wait_until
from playground.identities import impostor

MAIL, WWW = "mail.example.com", "www.example.com"
MAILDIR = "/home/student/Maildir"
PASSWORD = b"abc123"                       # the lab-only account student / abc123
SMTP_PORT, SUBMISSION_PORT, INSECURE_PORT = 25, 587, 2525
PORT_FOREIGN_CA, PORT_WRONG_NAME = 13010, 13011
PORT_LIMIT, PORT_BARE, PORT_ZERO, PORT_NO_SIZE = 13020, 13021, 13022, 13023
TRACE = {"return-path", "x-original-to", "delivered-to", "received"}   # added on delivery


# --- the mailbox on mail -------------------------------------------------------------------

class Mailbox:
    """The student's Maildir, read on mail as files (no POP or IMAP in between)."""

    def __init__(self, run):
        self.run = run

    def containing(self, word):
        """Every delivered message that contains word, parsed."""
        found = self.run("mail", "grep", "-rlF", "--", word, MAILDIR).stdout.split()
        paths = [p for p in found if "/new/" in p or "/cur/" in p]
        return [email.message_from_string(self.run("mail", "cat", p).check().stdout,
                                          policy=policy.default) for p in paths]

    def wait_for(self, word, count=1):
        """The `count` messages holding word, once Postfix has delivered them all."""
        wait_until(lambda: len(self.containing(word)) >= count, 10,
                   f"{count} message(s) with {word} are in {MAILDIR}")
        found = self.containing(word)
        assert len(found) == count, f"{len(found)} messages hold {word}, expected {count}"
        return found


@pytest.fixture
def mailbox(run, seed_mailbox):
    """The mailbox, put back to its three seed messages after the test."""
    return Mailbox(run)


# --- the dialogue on the wire ---------------------------------------------------------------

def dialogues(cap, port):
    """[(client bytes, server bytes)] of each connection to port in the capture."""
    return list(conversations(cap.packets, port).values())


def one_dialogue(cap, port):
    found = dialogues(cap, port)
    assert len(found) == 1, f"expected one connection to port {port}, the capture has " \
                            f"{len(found)}"
    return found[0]


def commands(client_bytes):
    """The client's lines in clear, upper-cased, up to STARTTLS (TLS records after it are
    not lines)."""
    clear, _ = split_at_starttls(client_bytes, b"STARTTLS\r\n")
    return [line.upper() for line in clear.decode("latin-1").split("\r\n") if line]


def split_at_starttls(data, last_clear_line):
    """(what went in clear, up to and including the line ending with last_clear_line; the
    rest). Without that line, everything was in clear."""
    at = data.upper().find(last_clear_line.upper())
    if at < 0:
        return data, b""
    end = at + len(last_clear_line)
    return data[:end], data[end:]


def only_tls(data, who):
    """Assert that data is TLS records and nothing else; return their content types."""
    __tracebackhide__ = True
    records = tls_records(data)
    assert records, f"{who}: no TLS records after STARTTLS"
    assert sum(5 + len(body) for _, body in records) == len(data), \
        f"{who}: after STARTTLS, bytes that are not TLS records: {data[:60]!r}..."
    return [kind for kind, _ in records]


def check_tls_after_starttls(client_bytes, server_bytes):
    """Plain SMTP up to STARTTLS and its 220 reply, then only TLS records both ways, with
    application data (the rest of the session) in them. Returns the client's clear part."""
    __tracebackhide__ = True
    clear, secret = split_at_starttls(client_bytes, b"STARTTLS\r\n")
    assert secret, f"the client never said STARTTLS; in clear it sent:\n{clear[:400]!r}"
    _, answer = split_at_starttls(server_bytes, b"Ready to start TLS\r\n")
    assert 23 in only_tls(secret, "client") and 23 in only_tls(answer, "server"), \
        "no application data over TLS after STARTTLS"
    return clear


# --- certificates for impostors ------------------------------------------------------------

def fake_smtp(serve, lab_file, port, *options):
    return serve("www", "python3", lab_file("fake_smtp.py"), "--port", str(port), *options,
                 port=port)


# --- the example programs -------------------------------------------------------------------

def test_envelope_is_not_the_headers(run, lab_file, capture, mailbox):
    """send_plain.py: Postfix delivers by the envelope, the headers stay as written, and
    --debug shows the dialogue that the capture shows too."""
    word = token()
    rcpt, bounce = f"student+{word}@example.com", f"bounces+{word}@example.com"
    header_to = f"Somebody Else <else.{word}@example.org>"
    with capture("example", facing="mail", filter=f"tcp port {SMTP_PORT}") as cap:
        result = run("h1", "python3", lab_file("send_plain.py"), MAIL, "--envelope-to", rcpt,
                     "--envelope-from", bounce, "--header-to", header_to,
                     "--subject", f"plain {word}", "--debug")
    assert result.status == 0 and f"sent to {rcpt}" in result.stdout, shown(result)
    for words in ("send: 'ehlo", "reply: b'250", f"rcpt to:<{rcpt}>", "send: 'data"):
        assert words in result.stderr.lower(), f"--debug should show {words!r}{shown(result)}"
    said = commands(one_dialogue(cap, SMTP_PORT)[0])
    assert f"MAIL FROM:<{bounce.upper()}>" in " ".join(said), said
    assert f"RCPT TO:<{rcpt.upper()}>" in said, said
    [message] = mailbox.wait_for(word)
    assert message["X-Original-To"] == rcpt and message["Return-Path"] == f"<{bounce}>"
    assert message["To"] == header_to, "the To header is what the sender wrote"


def test_ehlo_probe_size_and_auth_only_after_tls(run, lab_file, capture):
    """ehlo_probe.py on port 25: SIZE as main.cf sets it, AUTH absent in clear and offered
    over TLS; on the wire, plain SMTP up to STARTTLS and only TLS records after it."""
    limit = run("mail", "postconf", "-h", "message_size_limit").check().stdout.strip()
    with capture("example", facing="mail", filter=f"tcp port {SMTP_PORT}") as cap:
        result = run("h1", "python3", lab_file("ehlo_probe.py"), MAIL, "--starttls")
    assert result.status == 0, shown(result)
    assert f"in clear: size limit {limit} bytes; AUTH not offered" in result.stdout, shown(result)
    assert f"over TLS: size limit {limit} bytes; AUTH offered" in result.stdout, shown(result)
    assert "over TLS: AUTH PLAIN LOGIN" in result.stdout, shown(result)
    client, server = one_dialogue(cap, SMTP_PORT)
    clear, secret = split_at_starttls(client, b"STARTTLS\r\n")
    assert secret and set(only_tls(secret, "client")) <= {20, 21, 22, 23}
    assert b"AUTH" not in split_at_starttls(server, b"Ready to start TLS\r\n")[0]


def test_clear_login_shows_the_password(run, lab_file, capture, mailbox):
    """clear_login.py on 2525: the capture shows AUTH PLAIN, and its base64 is the password."""
    word = token()
    with capture("example", facing="mail", filter=f"tcp port {INSECURE_PORT}") as cap:
        result = run("h1", "python3", lab_file("clear_login.py"), MAIL, "--subject", word)
    assert result.status == 0 and "WITHOUT TLS" in result.stdout, shown(result)
    client, _ = one_dialogue(cap, INSECURE_PORT)
    auth = [line for line in client.split(b"\r\n") if line.upper().startswith(b"AUTH PLAIN ")]
    assert auth, f"no AUTH PLAIN in clear on port {INSECURE_PORT}: {client[:300]!r}"
    assert base64.b64decode(auth[0].split()[2]) == b"\0student\0" + PASSWORD
    mailbox.wait_for(word)


# --- exercise 1: verified STARTTLS before AUTH ----------------------------------------------

@pytest.mark.exercise(1)
def test_submission_over_verified_tls(run, program, capture, mailbox):
    """On 587: delivered, authenticated over TLS (Postfix's Received says ESMTPSA); on the
    wire no AUTH in clear, and only TLS records after STARTTLS."""
    word = token()
    with capture("example", facing="mail", filter=f"tcp port {SUBMISSION_PORT}") as cap:
        result = run("h1", *program("submit.py"), MAIL, "--subject", f"submitted {word}")
    assert result.status == 0, shown(result)
    clear = check_tls_after_starttls(*one_dialogue(cap, SUBMISSION_PORT))
    assert b"AUTH" not in clear.upper(), f"AUTH in clear: {clear!r}"
    [message] = mailbox.wait_for(word)
    assert "with ESMTPSA" in message["Received"], message["Received"]


@pytest.mark.exercise(1)
@pytest.mark.parametrize("kind, port, reason", [
    ("foreign CA", PORT_FOREIGN_CA, "unable to get local issuer"),
    ("wrong name", PORT_WRONG_NAME, "hostname mismatch")])
def test_submission_refuses_an_impostor(run, serve, program, lab_file, capture, put,
                                        kind, port, reason):
    """An impostor on www offers STARTTLS with a certificate that does not verify (and AUTH
    in clear, as bait): the client must stop, and the impostor gets no password."""
    with fake_smtp(serve, lab_file, port, "--starttls", put("www", impostor(kind, WWW)),
                   "--auth-in-clear") as fake:
        probe = run("h1", "python3", lab_file("ehlo_probe.py"), WWW, "--port", str(port),
                    "--starttls")   # test setup: it fails for the intended reason
        clean_failure(probe, f"ehlo_probe against the {kind} impostor", reason)
        with capture("example", facing="www", filter=f"tcp port {port}") as cap:
            result = run("h1", *program("submit.py"), WWW, "--port", str(port),
                         "--subject", token())
        log = fake.output()
    clean_failure(result, f"an impostor with a {kind} certificate", "certificate")
    assert "login accepted" not in log and "mail from" not in log.lower(), \
        f"the impostor got a login or a message:\n{log}"
    said = commands(one_dialogue(cap, port)[0])
    assert "STARTTLS" in said, f"the client never tried STARTTLS: {said}"
    assert not [c for c in said if c.startswith("AUTH")], f"AUTH in clear: {said}"


@pytest.mark.exercise(1)
def test_submission_refuses_a_server_without_starttls(run, program, capture, mailbox):
    """Port 2525 offers AUTH but no STARTTLS: the client must stop before AUTH (a wrong
    client delivers a message there: mailbox restores the seed)."""
    with capture("example", facing="mail", filter=f"tcp port {INSECURE_PORT}") as cap:
        result = run("h1", *program("submit.py"), MAIL, "--port", str(INSECURE_PORT),
                     "--subject", token())
    clean_failure(result, "a server that offers no STARTTLS", "TLS")
    client, _ = one_dialogue(cap, INSECURE_PORT)
    assert b"AUTH" not in client.upper() and PASSWORD not in client, \
        f"the password went out in clear: {client!r}"


# --- exercise 2: the SIZE limit -------------------------------------------------------------

@pytest.mark.exercise(2)
def test_size_limit_exactly_and_one_byte_more(run, serve, program, lab_file, capture):
    """A fresh limit each run: a message of exactly the limit goes; one byte more is refused
    by the client, naming the limit, before any MAIL command."""
    limit = random.randint(2000, 9000)
    with fake_smtp(serve, lab_file, PORT_LIMIT, "--size", str(limit)) as fake:
        with capture("example", facing="www", filter=f"tcp port {PORT_LIMIT}") as cap:
            fits = run("h1", *program("sized_send.py"), WWW, "--port", str(PORT_LIMIT),
                       "--bytes", str(limit))
            over = run("h1", *program("sized_send.py"), WWW, "--port", str(PORT_LIMIT),
                       "--bytes", str(limit + 1))
        log = fake.output()
    assert fits.status == 0, f"a message of exactly the limit must be sent{shown(fits)}"
    assert f"message of {limit} bytes" in log, log
    clean_failure(over, f"a message one byte over the limit of {limit}", str(limit))
    sent = [c for c, _ in dialogues(cap, PORT_LIMIT)]
    assert len(sent) == 2, f"expected two connections, saw {len(sent)}"
    mails = sum(1 for c in sent for line in commands(c) if line.startswith("MAIL FROM"))
    assert mails == 1, f"{mails} MAIL commands on the wire: the oversized one must not start"


@pytest.mark.exercise(2)
@pytest.mark.parametrize("size, port", [("bare", PORT_BARE), ("0", PORT_ZERO),
                                        (None, PORT_NO_SIZE)])
def test_no_limit_announced(run, serve, program, lab_file, size, port):
    """A bare SIZE, SIZE 0 and no SIZE all mean no announced limit: a message is sent."""
    length = random.randint(20000, 40000)
    options = ("--size", size) if size else ()
    with fake_smtp(serve, lab_file, port, *options) as fake:
        result = run("h1", *program("sized_send.py"), WWW, "--port", str(port),
                     "--bytes", str(length))
        log = fake.output()
    assert result.status == 0, f"EHLO announced {'SIZE ' + size if size else 'no SIZE'}" \
                               f"{shown(result)}"
    assert f"message of {length} bytes" in log, log


@pytest.mark.exercise(2)
def test_size_against_postfix(run, program, capture, mailbox):
    """mail.example.com: a small message is delivered; one byte over main.cf's limit never
    reaches MAIL FROM."""
    limit = int(run("mail", "postconf", "-h", "message_size_limit").check().stdout)
    word = token()
    with capture("example", facing="mail", filter=f"tcp port {SMTP_PORT}") as cap:
        small = run("h1", *program("sized_send.py"), MAIL, "--bytes", "1500",
                    "--subject", f"sized {word}")
        big = run("h1", *program("sized_send.py"), MAIL, "--bytes", str(limit + 1),
                  "--subject", token(), timeout=60)
    assert small.status == 0, shown(small)
    clean_failure(big, "a message over Postfix's limit", str(limit))
    mails = sum(1 for c, _ in dialogues(cap, SMTP_PORT) for line in commands(c)
                if line.startswith("MAIL FROM"))
    assert mails == 1, f"{mails} MAIL commands to Postfix: only the small message may start"
    mailbox.wait_for(word)


# --- exercise 3: Bcc ------------------------------------------------------------------------

@pytest.mark.exercise(3)
def test_bcc_delivered_but_not_shown(run, program, capture, mailbox):
    """Two To addresses (one with a comma in its display name), a Cc and a Bcc: four copies,
    each with the bounce address as Return-Path; the Bcc address goes out only in its RCPT
    command, never in the message."""
    word, a, b, c, d = (token() for _ in range(5))
    to = [f'"Doe, Jane {a}" <student+{a}@example.com>', f"student+{d}@example.com"]
    cc, bcc = f"student+{b}@example.com", f"Carol {c} <student+{c}@example.com>"
    bounce, sender = f"bounces+{word}@example.com", f"Lab {word} <lab@example.com>"
    rcpts = {f"student+{t}@example.com" for t in (a, b, c, d)}
    with capture("example", facing="mail", filter=f"tcp port {SMTP_PORT}") as cap:
        result = run("h1", *program("bcc_send.py"), MAIL, "--to", to[0], "--to", to[1],
                     "--cc", cc, "--bcc", bcc, "--from", sender, "--bounce", bounce,
                     "--subject", f"bcc {word}")
    assert result.status == 0, shown(result)
    client, _ = one_dialogue(cap, SMTP_PORT)
    said = commands(client)
    on_wire = {line[len("RCPT TO:<"):].split(">")[0].lower() for line in said
               if line.startswith("RCPT TO:")}
    assert on_wire == rcpts, f"envelope recipients {sorted(on_wire)}, expected {sorted(rcpts)}"
    assert f"MAIL FROM:<{bounce.upper()}>" in " ".join(said), f"envelope sender: {said}"
    assert client.count(c.encode()) == 1, "the Bcc address must cross only in its RCPT TO"
    copies = mailbox.wait_for(f"bcc {word}", count=4)
    assert {m["X-Original-To"] for m in copies} == rcpts
    for message in copies:
        assert message["Return-Path"] == f"<{bounce}>", message["Return-Path"]
        assert message["From"] == sender and "Bcc" not in message
        shown_headers = " ".join(f"{k}: {v}" for k, v in message.items()
                                 if k.lower() not in TRACE)
        assert c not in shown_headers and c not in message.get_content(), \
            f"a recipient can see the blind copy: {shown_headers}"
        assert a in message["To"] and d in message["To"] and b in message["Cc"]
