"""Grader for chapter 14: POP clients against Dovecot on mail.example.com, and against
fake_pop3.py, an impostor POP3S server on www. What the programs print is checked against
the student's Maildir on mail, read as files (the size of each message as POP counts it,
its flags: RETR marks a message seen, `S` in its file name); the dialogue on the wire, in
captures on example.

The mailbox is shared with other chapters' graders: each test adds messages of its own,
found by a fresh token, compares the whole mailbox before and after, and restores the seed
mailbox afterwards (reset-mailbox). Impostor certificates are made here for each run: one
for www.example.com from a throwaway CA, and one from the lab CA for a fresh name that is
not www's. Only the leaf and its key go into www's /tmp, removed afterwards."""
import email
import hashlib
import json
import random
import re
from email import policy
from typing import NamedTuple

import pytest

from playground.grading import clean_failure, conversations, shown, sni, tls_records, \
    token, wait_until
from playground.identities import impostor

MAIL, WWW = "mail.example.com", "www.example.com"
MAILDIR = "/home/student/Maildir"
PASSWORD = b"abc123"                       # the lab-only account student / abc123
POP_PORT, POP3S_PORT = 110, 995
PORT_FOREIGN_CA, PORT_WRONG_NAME = 14010, 14011

# Run on mail: every message in INBOX (new/ and cur/) with its flags, its size as POP
# counts it (lines end in CRLF on the wire, LF in the file) and its text.
SNAPSHOT = r"""
import json, os, sys
out = {}
for sub in ("new", "cur"):
    for name in os.listdir(os.path.join(sys.argv[1], sub)):
        with open(os.path.join(sys.argv[1], sub, name), "rb") as f:
            data = f.read().replace(b"\r\n", b"\n")
        base, _, info = name.partition(":")
        out[base] = [info.partition(",")[2], len(data.replace(b"\n", b"\r\n")),
                     data.decode("utf-8", "replace")]
print(json.dumps(out))
"""


# Run on h1: the text of every file saved, with the line ends of a Maildir file.
SAVED = r"""
import json, os, sys
folder = sys.argv[1]
names = sorted(os.listdir(folder)) if os.path.isdir(folder) else []
print(json.dumps([open(os.path.join(folder, n), "rb").read().replace(b"\r\n", b"\n")
                  .decode("utf-8", "replace") for n in names]))
"""


# --- the mailbox on mail -------------------------------------------------------------------

class Stored(NamedTuple):
    flags: str    # Maildir flags: S seen, T deleted, ...
    size: int     # octets, as POP's LIST counts them
    text: str

    def headers(self):
        return email.message_from_string(self.text, policy=policy.default)


class Mailbox:
    """The student's Maildir, read on mail as files (no POP or IMAP in between)."""

    def __init__(self, run, lab_file):
        self.run, self.lab_file = run, lab_file

    def snapshot(self):
        """{unique name: Stored} of every message in INBOX."""
        out = self.run("mail", "python3", "-c", SNAPSHOT, MAILDIR).check().stdout
        return {name: Stored(*fields) for name, fields in json.loads(out).items()}

    def holding(self, word):
        return {n: m for n, m in self.snapshot().items() if word in m.text}

    def deliver(self, word, size=300, sender=None, subject=None):
        """Send a message holding word (in its sender's address) through Postfix from h2;
        return its unique name in the Maildir once delivered."""
        sender = sender or f"Chapter 14 <pop+{word}@example.com>"
        self.run("h2", "python3", self.lab_file("deliver.py"), MAIL, "--from", sender,
                 "--subject", subject or f"fresh mail {word}", "--bytes", str(size)).check()
        wait_until(lambda: self.holding(word), 10, f"a message with {word} is in {MAILDIR}")
        [name] = self.holding(word)
        return name


@pytest.fixture
def mailbox(run, lab_file, seed_mailbox):
    """The mailbox, put back to its three seed messages after the test."""
    return Mailbox(run, lab_file)


def unchanged(before, after):
    """Assert that no message was deleted, added or marked between two snapshots."""
    __tracebackhide__ = True
    assert set(after) == set(before), \
        f"messages gone: {sorted(set(before) - set(after))}; " \
        f"new: {sorted(set(after) - set(before))}"
    marked = {n: after[n].flags for n in before if after[n].flags != before[n].flags}
    assert not marked, f"messages marked on the server (S = seen): {marked}"


# --- the dialogue on the wire ---------------------------------------------------------------

def one_dialogue(cap, port):
    """(client bytes, server bytes) of the one connection to port in the capture."""
    found = list(conversations(cap.packets, port).values())
    assert len(found) == 1, f"expected one connection to port {port}, the capture has " \
                            f"{len(found)}"
    return found[0]


def commands(client_bytes):
    """The client's command lines, as sent (only meaningful in clear)."""
    return [line for line in client_bytes.decode("latin-1").split("\r\n") if line]


def only_tls(data, who):
    """Assert that data is TLS records and nothing else; return them."""
    __tracebackhide__ = True
    records = tls_records(data)
    assert records, f"{who}: no TLS records: {data[:60]!r}"
    assert sum(5 + len(body) for _, body in records) == len(data), \
        f"{who}: bytes that are not TLS records: {data[:60]!r}..."
    return records


# --- certificates for impostors ------------------------------------------------------------

# --- the example program ---------------------------------------------------------------------

def test_clear_login_shows_the_password(run, lab_file, capture, mailbox):
    """pop_tour.py in clear on 110: USER and PASS cross as typed; the listing matches the
    Maildir and nothing is marked."""
    mailbox.deliver(token(), size=random.randint(300, 3000))
    before = mailbox.snapshot()
    with capture("example", facing="mail", filter=f"tcp port {POP_PORT}") as cap:
        result = run("h1", "python3", lab_file("pop_tour.py"), MAIL, "--mode", "clear")
    assert result.status == 0, shown(result)
    said = commands(one_dialogue(cap, POP_PORT)[0])
    assert "USER student" in said and f"PASS {PASSWORD.decode()}" in said, said
    sizes = sorted(int(s) for s in re.findall(r"^message \d+: (\d+) bytes$", result.stdout,
                                              re.M))
    assert sizes == sorted(m.size for m in before.values()), shown(result)
    unchanged(before, mailbox.snapshot())


def test_apop_sends_a_digest_not_the_password(run, lab_file, capture):
    """pop_tour.py --apop on 110: the client sends MD5(the greeting's <timestamp> +
    password), which the capture lets us recompute, and the password never crosses."""
    with capture("example", facing="mail", filter=f"tcp port {POP_PORT}") as cap:
        result = run("h1", "python3", lab_file("pop_tour.py"), MAIL, "--mode", "clear",
                     "--apop")
    assert result.status == 0 and "with APOP" in result.stdout, shown(result)
    client, server = one_dialogue(cap, POP_PORT)
    stamp = re.search(rb"<[^>]+>", server.split(b"\r\n")[0]).group()
    digest = hashlib.md5(stamp + PASSWORD).hexdigest()
    assert f"APOP student {digest}" in commands(client), commands(client)
    assert PASSWORD not in client, "the password crossed the wire"


def test_stls_hides_the_login(run, lab_file, capture):
    """pop_tour.py --mode stls: CAPA and STLS in clear, then only TLS records both ways."""
    with capture("example", facing="mail", filter=f"tcp port {POP_PORT}") as cap:
        result = run("h1", "python3", lab_file("pop_tour.py"), MAIL, "--mode", "stls")
    assert result.status == 0 and "(stls)" in result.stdout, shown(result)
    client, server = one_dialogue(cap, POP_PORT)
    clear, _, secret = client.partition(b"STLS\r\n")
    assert secret, f"no STLS: {client[:200]!r}"
    assert [kind for kind, _ in only_tls(secret, "client")].count(23) >= 2, \
        "no application data over TLS after STLS"
    reply = re.search(rb"\r\n\+OK Begin TLS[^\r]*\r\n", server)
    assert reply, f"no +OK to STLS: {server[:300]!r}"
    only_tls(server[reply.end():], "server")
    assert PASSWORD not in client and b"USER" not in clear, clear


# --- exercise 1: a verifying POP3S client ---------------------------------------------------

@pytest.mark.exercise(1)
def test_sizes_match_the_maildir(run, program, capture, mailbox):
    """A fresh message of a random size joins the mailbox: the listing must give each
    message's size as POP counts it, and the count and total; on the wire TLS from the
    first byte, naming mail.example.com; on the server nothing read, marked or deleted."""
    mailbox.deliver(token(), size=random.randint(500, 6000))
    before = mailbox.snapshot()
    with capture("example", facing="mail", filter=f"tcp port {POP3S_PORT}") as cap:
        result = run("h1", *program("list_sizes.py"), MAIL)
    after = mailbox.snapshot()
    assert result.status == 0, shown(result)
    listed = [(int(n), int(s)) for n, s in re.findall(r"^message (\d+): (\d+) bytes$",
                                                      result.stdout, re.M)]
    expected = sorted(m.size for m in before.values())
    assert [n for n, _ in listed] == list(range(1, len(expected) + 1)), shown(result)
    assert sorted(s for _, s in listed) == expected, \
        f"sizes in the Maildir (as POP counts them): {expected}{shown(result)}"
    assert f"{len(expected)} messages, {sum(expected)} bytes" in result.stdout, shown(result)
    client, _ = one_dialogue(cap, POP3S_PORT)
    records = only_tls(client, "client")
    assert records[0][0] == 22 and sni(records[0][1]) == MAIL, "no ClientHello for " + MAIL
    unchanged(before, after)


@pytest.mark.exercise(1)
@pytest.mark.parametrize("kind, port, reason", [
    ("foreign CA", PORT_FOREIGN_CA, "unable to get local issuer"),
    ("wrong name", PORT_WRONG_NAME, "hostname mismatch")])
def test_refuses_an_impostor(run, serve, program, lab_file, put, kind, port,
                             reason):
    """fake_pop3.py on www speaks POP3S with a certificate that must not verify as
    www.example.com: the client must stop in one line, and the impostor see no login."""
    with serve("www", "python3", lab_file("fake_pop3.py"), "--port", str(port), "--tls",
               put("www", impostor(kind, WWW)), port=port) as fake:
        probe = run("h1", "openssl", "s_client", "-connect", f"{WWW}:{port}",
                    "-verify_return_error", "-verify_hostname", WWW, stdin="")
        assert probe.status != 0 and reason in probe.stdout + probe.stderr, \
            f"test setup: the {kind} certificate should fail with {reason!r}{shown(probe)}"
        result = run("h1", *program("list_sizes.py"), WWW, "--port", str(port))
        log = fake.output()
    clean_failure(result, f"an impostor with a {kind} certificate", "certificate")
    said = [line for line in log.splitlines() if ": USER" in line or ": PASS" in line
            or ": APOP" in line]
    assert not said, f"the impostor got a login:\n{log}"


# --- exercise 2: headers with TOP -----------------------------------------------------------

@pytest.mark.exercise(2)
def test_headers_read_with_top(run, program, capture, mailbox):
    """Two fresh messages join: one with a non-ASCII sender and subject (RFC 2047 encoded
    words), one with a subject long enough to be folded. Each message must be listed with
    its size and decoded headers; the capture must show TOP for every message and no RETR
    or DELE; nothing may be marked seen."""
    first, second = token(), token()
    sent = {
        first: (f"Jörg Müller {first} <pop+{first}@example.com>",
                f"Grüße aus dem Labor, {first}: Übungen für Kapitel 14"),
        second: (f"Folding Tester <pop+{second}@example.com>",
                 f"A subject long enough that it is folded {second} " + "over lines " * 6)}
    for word, (sender, subject) in sent.items():
        mailbox.deliver(word, sender=sender, subject=subject.strip(),
                        size=random.randint(300, 4000))
    before = mailbox.snapshot()
    for word, (sender, subject) in sent.items():   # the grader's own reading agrees
        [stored] = [m for m in before.values() if word in m.text]
        assert (stored.headers()["From"], stored.headers()["Subject"]) == (sender,
                                                                          subject.strip())
    with capture("example", facing="mail", filter=f"tcp port {POP_PORT}") as cap:
        result = run("h1", *program("headers.py"), MAIL)
    after = mailbox.snapshot()
    assert result.status == 0, shown(result)
    listed = re.findall(r"^(\d+) (\d+) (.*) \| (.*)$", result.stdout, re.M)
    assert [int(n) for n, *_ in listed] == list(range(1, len(before) + 1)), shown(result)
    expected = sorted((m.size, str(m.headers()["From"]), str(m.headers()["Subject"]))
                      for m in before.values())
    got = sorted((int(size), sender, subject) for _, size, sender, subject in listed)
    assert got == expected, f"expected (size, sender, subject):\n{expected}{shown(result)}"
    said = [c.upper() for c in commands(one_dialogue(cap, POP_PORT)[0])]
    tops = {int(c.split()[1]) for c in said if c.startswith("TOP ")}
    assert tops == set(range(1, len(before) + 1)), f"TOP for each message: {said}"
    assert not [c for c in said if c.startswith(("RETR", "DELE"))], f"commands: {said}"
    unchanged(before, after)


# --- exercise 3: download and delete --------------------------------------------------------

@pytest.mark.exercise(3)
def test_download_and_delete_exactly_what_was_saved(run, program, background, mailbox):
    """A fresh message of exactly --max-bytes (it must be saved) and one far bigger (it must
    stay) join the seed; while the client's first session is open a third arrives, and
    must still be on the server afterwards. Saved files must hold the messages whole; the
    server must have lost exactly those."""
    fits, big, late = token(), token(), token()
    limit_name = mailbox.deliver(fits, size=random.randint(2500, 6000))
    big_name = mailbox.deliver(big, size=random.randint(20000, 40000))
    before = mailbox.snapshot()
    limit = before[limit_name].size
    wanted = {n for n, m in before.items() if m.size <= limit}
    assert big_name not in wanted and limit_name in wanted
    base = run("h1", "mktemp", "-d", "/tmp/ch14-XXXXXX").check().stdout.strip()
    try:
        with background("h1", *program("fetch.py"), MAIL, f"{base}/saved", "--max-bytes",
                        str(limit), "--hold", f"{base}/go") as fetch:
            wait_until(lambda: "logged in" in fetch.output() or not fetch.alive(), 15,
                       "fetch.py logged in")
            late_name = mailbox.deliver(late)
            run("h1", "touch", f"{base}/go").check()
            wait_until(lambda: not fetch.alive(), 30, "fetch.py ended")
            output = fetch.output()
        saved = run("h1", "python3", "-c", SAVED, f"{base}/saved").check().stdout
    finally:
        run("h1", "rm", "-rf", base)
    after = set(mailbox.snapshot())
    assert "saved and deleted" in output, f"fetch.py did not finish:\n{output}"
    texts = sorted(json.loads(saved))
    assert texts == sorted(before[n].text for n in wanted), \
        f"the files saved are not the {len(wanted)} messages of at most {limit} bytes, " \
        f"whole ({len(texts)} files)\n{output}"
    assert late_name in after, f"the message that arrived mid-session was lost\n{output}"
    assert big_name in after, f"the message over --max-bytes was deleted\n{output}"
    kept = after - {late_name}
    assert kept == set(before) - wanted, \
        f"on the server, still there: {sorted(kept & wanted)}; gone unsaved: " \
        f"{sorted(set(before) - wanted - kept)}\n{output}"

