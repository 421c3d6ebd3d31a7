"""Grader for chapter 15: IMAP clients against Dovecot on mail.example.com. What the
programs print is checked against the server's own view of the mailbox, asked on mail with
doveadm (every message's folder, UID, flags and subject), before and after each run: a
search must change no flag, a mover must move exactly its messages, an IDLE waiter must
leave the new message unread. Fresh mail comes through Postfix from h2 (chapter 14's
deliver.py), each message found by a fresh token in its subject; flags and expunges that
set a test up are done with doveadm on mail.

The mailbox is shared with other chapters' graders: each test compares the whole mailbox
before and after, and restores the seed mailbox afterwards (reset-mailbox)."""
import datetime
import json
import random
import re
import time
from typing import NamedTuple

import pytest

from playground.grading import clean_failure, conversations, shown, tls_records, token, \
    wait_until

MAIL = "mail.example.com"
IMAP_PORT, IMAPS_PORT = 143, 993
PASSWORD = b"abc123"                       # the lab-only account student / abc123
DELIVER = "/labs/ch14/deliver.py"          # chapter 14's: sends a message through Postfix
FOLDERS = {"INBOX": "", "Drafts": r"\Drafts", "Sent": r"\Sent", "Trash": r"\Trash",
           "Archive": r"\Archive"}
QUIET = 2.0   # seconds an IDLE client is watched for saying nothing


# --- the mailbox, as Dovecot sees it ------------------------------------------------------

class Message(NamedTuple):
    folder: str
    uid: int
    flags: frozenset   # \Recent left out: it depends on who looked first
    subject: str


class Mailbox:
    def __init__(self, run):
        self.run = run

    def doveadm(self, *argv):
        return self.run("mail", "doveadm", *argv).check().stdout

    def messages(self):
        """Every message in every folder."""
        found = json.loads(self.doveadm("-f", "json", "fetch", "-u", "student",
                                        "mailbox uid flags hdr.subject", "all") or "[]")
        return {Message(m["mailbox"], int(m["uid"]),
                        frozenset(m["flags"].split()) - {r"\Recent"}, m["hdr.subject"])
                for m in found}

    def with_word(self, word):
        return {m for m in self.messages() if word in m.subject}

    def deliver(self, word, sender="Chapter 15 <imap@example.com>", text=""):
        """A message with subject 'mail WORD' sent through Postfix from h2; returns it once
        Dovecot has it in INBOX."""
        self.run("h2", "python3", DELIVER, MAIL, "--from", sender, "--subject",
                 f"mail {word}", "--text", text).check()
        wait_until(lambda: self.with_word(word), 10, f"a message with {word} is in INBOX")
        [message] = self.with_word(word)
        return message

    def flag(self, flag, word):
        self.doveadm("flags", "add", "-u", "student", flag, "mailbox", "INBOX", "subject",
                     word)

    def expunge(self, word):
        self.doveadm("expunge", "-u", "student", "mailbox", "INBOX", "subject", word)


@pytest.fixture
def mailbox(run, seed_mailbox):
    """The mailbox, put back to its three seed messages after the test."""
    return Mailbox(run)


def same(before, after, what):
    """Assert that the mailbox did not change (folders, UIDs, flags)."""
    __tracebackhide__ = True
    assert after == before, f"{what} changed the mailbox: gone or changed " \
                            f"{sorted(before - after)}; now {sorted(after - before)}"


def spread_uids(mailbox):
    """Deliver a message and expunge it, so that UIDs from now on are not sequence numbers."""
    filler = token()
    mailbox.deliver(filler)
    mailbox.expunge(filler)


# --- the example programs -------------------------------------------------------------------

def test_tour_lists_folders_and_changes_nothing(run, lab_file, mailbox):
    """imap_tour.py over IMAPS: the five folders with their special-use attributes, INBOX's
    count, one line per message with its subject; not a flag changed."""
    word = token()
    mailbox.deliver(word)
    before = mailbox.messages()
    result = run("h1", "python3", lab_file("imap_tour.py"), MAIL)
    assert result.status == 0, shown(result)
    for name, attribute in FOLDERS.items():
        assert re.search(rf"^folder {name} \[[^]]*{re.escape(attribute)}[^]]*\]", result.stdout,
                         re.M), f"folder {name} {attribute}{shown(result)}"
    inbox = [m for m in before if m.folder == "INBOX"]
    assert f"folder INBOX [\\HasNoChildren]: MESSAGES {len(inbox)} " in result.stdout
    assert re.search(rf"^\d+ \[[^]]*\] .* \| mail {word}$", result.stdout, re.M), \
        shown(result)
    assert "MOVE" in result.stdout.split("after login:")[1], shown(result)
    same(before, mailbox.messages(), "imap_tour.py")


def test_imapclient_tour_speaks_in_uids(run, lab_file, mailbox):
    """imapclient_tour.py (the book's library, installed from its wheel): the folders, and
    each INBOX message by the UID the server gave it; not a flag changed."""
    word = token()
    fresh = mailbox.deliver(word)
    before = mailbox.messages()
    result = run("h1", "python3", lab_file("imapclient_tour.py"), MAIL)
    assert result.status == 0, shown(result)
    for name, attribute in FOLDERS.items():
        assert re.search(rf"^folder {name} \[[^]]*{re.escape(attribute)}[^]]*\]", result.stdout,
                         re.M), f"folder {name} {attribute}{shown(result)}"
    assert re.search(rf"^uid {fresh.uid} \[[^]]*\] .* \| mail {word}$", result.stdout, re.M), \
        f"the new message is UID {fresh.uid} on the server{shown(result)}"
    inbox = [m for m in before if m.folder == "INBOX"]
    assert len(re.findall(r"^uid \d+ ", result.stdout, re.M)) == len(inbox), shown(result)
    same(before, mailbox.messages(), "imapclient_tour.py")


def test_starttls_hides_the_login(run, lab_file, capture):
    """imap_tour.py --mode starttls: STARTTLS in clear, then only TLS records; no LOGIN and
    no password in clear."""
    with capture("example", facing="mail", filter=f"tcp port {IMAP_PORT}") as cap:
        result = run("h1", "python3", lab_file("imap_tour.py"), MAIL, "--mode", "starttls")
    assert result.status == 0, shown(result)
    [(client, _)] = conversations(cap.packets, IMAP_PORT).values()
    clear, _, secret = client.partition(b" STARTTLS\r\n")
    assert secret, f"no STARTTLS: {client[:200]!r}"
    records = tls_records(secret)
    assert sum(5 + len(b) for _, b in records) == len(secret) and 23 in dict(records), \
        "after STARTTLS, bytes that are not TLS records"
    assert b"LOGIN" not in clear.upper() and PASSWORD not in client, clear


def test_draft_is_appended_with_its_flags(run, lab_file, mailbox):
    """save_draft.py: the message is in Drafts with \\Draft and \\Seen, under the UID that
    APPENDUID reported."""
    word = token()
    result = run("h1", "python3", lab_file("save_draft.py"), MAIL, "--subject", f"draft {word}")
    assert result.status == 0, shown(result)
    [draft] = mailbox.with_word(word)
    assert draft.folder == "Drafts" and draft.flags == {r"\Draft", r"\Seen"}, draft
    assert f"as UID {draft.uid}" in result.stdout, shown(result)


# --- exercise 1: search without marking ----------------------------------------------------

@pytest.mark.exercise(1)
def test_search_marks_nothing_seen(run, program, mailbox):
    """Fresh mail from a fresh sender: A (the word in its body), E (the word only in its
    subject), F (the word in its body, already read), B (that sender, no word), C (the word,
    another sender). FROM+TEXT+SINCE today must find A, E and F by UID; with --unseen A
    and E; since tomorrow nothing; and no flag may change."""
    spread_uids(mailbox)
    sender, other, word = token(), token(), token()
    a, b, c, e, f = (token() for _ in range(5))
    mailbox.deliver(a, f"A <{sender}@example.com>", text=f"about {word} and more")
    mailbox.deliver(b, f"B <{sender}@example.com>", text="nothing to find here")
    mailbox.deliver(c, f"C <{other}@example.com>", text=f"about {word} too")
    mailbox.deliver(f"{e} {word}", f"E <{sender}@example.com>")
    mailbox.deliver(f, f"F <{sender}@example.com>", text=f"{word} again")
    mailbox.flag(r"\Seen", f)
    before = mailbox.messages()
    uid = {w: m.uid for m in before for w in (a, e, f) if w in m.subject}
    today = datetime.date.today()
    cases = [((), {a, e, f}), (("--unseen",), {a, e}),
             (("--since", (today + datetime.timedelta(days=1)).isoformat()), set())]
    for options, expected in cases:
        result = run("h1", *program("search.py"), MAIL, "--from", sender, "--text", word,
                     *options)
        assert result.status == 0, shown(result)
        listed = re.findall(r"^UID (\d+): (.*)$", result.stdout, re.M)
        want = sorted((uid[w], next(m.subject for m in before if w in m.subject))
                      for w in expected)
        assert sorted((int(n), s) for n, s in listed) == want, \
            f"options {options or '(none)'}: expected {want}{shown(result)}"
        assert f"{len(expected)} messages match" in result.stdout, shown(result)
        same(before, mailbox.messages(), f"a search with {options or 'no options'}")


# --- exercise 2: move exactly the matching messages -----------------------------------------

@pytest.mark.exercise(2)
def test_mover_moves_exactly_the_matching(run, program, mailbox):
    """Two messages from a fresh sender (one already read) must move from INBOX to Archive
    with their flags; a message from someone else stays, and so does another one its owner
    marked \\Deleted but did not expunge."""
    spread_uids(mailbox)
    sender = token()
    mine, read, others, doomed = token(), token(), token(), token()
    mailbox.deliver(mine, f"Mine <{sender}@example.com>")
    mailbox.deliver(read, f"Mine too <{sender}@example.com>")
    mailbox.deliver(others, f"Someone <{token()}@example.com>")
    mailbox.deliver(doomed, f"Someone else <{token()}@example.com>")
    mailbox.flag(r"\Seen", read)
    mailbox.flag(r"\Deleted", doomed)
    before = mailbox.messages()
    result = run("h1", *program("mover.py"), MAIL, "--from", f"{sender}@example.com")
    after = mailbox.messages()
    assert result.status == 0 and "moved 2 messages" in result.stdout, shown(result)
    moving = {m for m in before if mine in m.subject or read in m.subject}
    archived = {(m.subject, m.flags) for m in after if m.folder == "Archive"}
    assert archived == {(m.subject, m.flags) for m in moving}, \
        f"Archive should hold exactly {sorted(m.subject for m in moving)} with their " \
        f"flags; it holds {sorted(archived)}"
    same(before - moving, {m for m in after if m.folder != "Archive"}, "the mover")


# --- exercise 3: IDLE ----------------------------------------------------------------------

@pytest.mark.exercise(3)
def test_idle_wakes_on_new_mail(run, program, background, capture, topology, mailbox):
    """idle_wait.py on h1 waits in INBOX; the client must send nothing for a while, then a
    message sent through SMTP from h2 must wake it: it prints that subject, and the
    message stays unread."""
    client = str(topology["modemA"].interface("wan").ip)
    word = token()
    before = mailbox.messages()
    with capture("example", facing="mail", filter=f"tcp port {IMAPS_PORT}") as cap:
        with background("h1", *program("idle_wait.py"), MAIL, "--timeout", "20") as idle:
            wait_until(lambda: "waiting" in idle.output() or not idle.alive(), 15,
                       "idle_wait.py is waiting")
            quiet_from = time.time() + 0.5   # time to send IDLE itself
            time.sleep(QUIET)   # the test: a client that polls speaks meanwhile
            quiet_to = time.time()
            new = mailbox.deliver(word)
            wait_until(lambda: not idle.alive(), 15, "idle_wait.py ended")
            output = idle.output()
    assert f"new mail: mail {word}" in output, f"idle_wait.py printed:\n{output}"
    spoke = [p for p in cap.packets if p.src == client and p.payload
             and quiet_from <= p.time <= quiet_to]
    assert not spoke, f"while idle the client sent {len(spoke)} packets: it polls"
    same(before | {new}, mailbox.messages(), "the IDLE waiter")


@pytest.mark.exercise(3)
def test_idle_gives_up_in_time(run, program):
    """No mail for a random short while: the client must give up after --timeout, in one
    line saying so."""
    limit = random.uniform(1.0, 3.0)
    started = time.monotonic()
    result = run("h1", *program("idle_wait.py"), MAIL, "--timeout", f"{limit:.2f}",
                 timeout=15)
    took = time.monotonic() - started
    clean_failure(result, f"no mail within --timeout {limit:.2f}", "no new mail")
    assert limit <= took <= limit + 5, f"gave up after {took:.1f} s, --timeout {limit:.2f}"
