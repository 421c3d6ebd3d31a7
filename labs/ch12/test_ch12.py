"""Grader for chapter 12: messages built with the email package, sent through
mail.example.com and fetched back over IMAPS. What arrived is read twice: by the programs
over IMAP, and here from the Maildir on mail, as raw bytes (each test finds its own message
by a fresh Message-ID, and restores the seed mailbox afterwards with reset-mailbox).
For exercise 2 the messages are built here, fresh each run, and sent from h1 by send_raw.py."""
import ast
import hashlib
import os
import re
from email import policy
from email.message import EmailMessage
from email.parser import Parser
from email.utils import make_msgid

import pytest

from playground.grading import shown, token, wait_until

MAIL = "mail.example.com"
MAILDIR = "/home/student/Maildir"


@pytest.fixture
def mailbox(run, seed_mailbox):
    """raw(word) -> the one delivered message holding word, as text; the seed mailbox is
    put back after the test."""
    def raw(word):
        def paths():
            found = run("mail", "grep", "-rlF", "--", word, MAILDIR).stdout.split()
            return [p for p in found if "/new/" in p or "/cur/" in p]
        wait_until(paths, 10, f"a message with {word} is in {MAILDIR}")
        [path] = paths()
        return run("mail", "cat", path).check().stdout
    return raw


def printed(result, label):
    """The value of a 'label: value' line of the program's output."""
    match = re.search(rf"^{label}: (.*)$", result.stdout, re.M)
    assert match, f"no '{label}:' line{shown(result)}"
    return match.group(1)


def block(result, label):
    """The indented lines after a 'label:' line."""
    lines = result.stdout.split(f"{label}:\n", 1)[1].splitlines()
    return [line for line in lines[:next((i for i, l in enumerate(lines)
                                          if not l.startswith("  ")), len(lines))]]


def kinds(part):
    """The tree of content types: 'type' for a leaf, (type, [children]) for a multipart."""
    if part.is_multipart():
        return (part.get_content_type(), [kinds(p) for p in part.iter_parts()])
    return part.get_content_type()


def sha(data):
    return hashlib.sha256(data).hexdigest()


# --- the example program -------------------------------------------------------------------

@pytest.mark.parametrize("kind, tree, shown_type", [
    ("plain", ["text/plain"], "text/plain"),
    ("alternative", ["multipart/alternative", "text/plain", "text/html"], "text/html"),
    ("inline-image", ["multipart/alternative", "text/plain", "multipart/related",
                      "text/html", "image/png inline cid=<"], "text/html"),
    ("attachments", ["multipart/mixed", "text/plain", "text/csv attachment filename=numbers.csv",
                     "application/octet-stream attachment filename=all-bytes.bin"],
     "text/plain"),
    ("non-ascii", ["text/plain"], "text/plain")])
def test_mime_tour(run, lab_file, kind, tree, shown_type):
    """mime_tour.py: each kind of message has the tree it should, and get_body() picks the
    body a reader sees (html before plain)."""
    result = run("h1", "python3", lab_file("mime_tour.py"), kind)
    assert result.status == 0, shown(result)
    lines = [line.strip() for line in block(result, "tree")]
    assert len(lines) == len(tree) and all(l.startswith(t) for l, t in zip(lines, tree)), \
        shown(result)
    assert f"shown body ({shown_type}," in result.stdout, shown(result)


def test_mime_tour_non_ascii_on_the_wire(run, lab_file):
    """The non-ASCII message as sent: all ASCII, the subject RFC 2047, the body
    quoted-printable, and it parses back to the same words."""
    result = run("h1", "python3", lab_file("mime_tour.py"), "non-ascii", "--raw")
    assert result.status == 0 and result.stdout.isascii(), shown(result)
    assert "Subject: =?utf-8?" in result.stdout, shown(result)
    assert "Content-Transfer-Encoding: quoted-printable" in result.stdout
    message = Parser(policy=policy.default).parsestr(result.stdout)
    assert message["Subject"] == "Grüße — 100 € für alle"
    assert message.get_content() == "Grüße aus dem Labor: äöü ß, ½ €.\r\n"


# --- exercise 1 ---------------------------------------------------------------------------

@pytest.mark.exercise(1)
def test_newsletter_round_trip(run, program, mailbox):
    """Built on h1, sent through mail, fetched back over IMAPS: the same tree both ways, and
    in the Maildir an all-ASCII message with the parts, encodings and references asked for."""
    word = token()
    result = run("h1", *program("newsletter.py"), MAIL, "--word", word, timeout=30)
    assert result.status == 0, shown(result)
    assert block(result, "built") == block(result, "arrived"), shown(result)
    raw = mailbox(printed(result, "message-id"))
    assert raw.isascii(), "the message on the wire must be 7-bit: RFC 2047 headers, " \
                          "quoted-printable or base64 bodies"
    message = Parser(policy=policy.default).parsestr(raw)
    assert kinds(message) == ("multipart/mixed", [
        ("multipart/alternative", ["text/plain", ("multipart/related",
                                                  ["text/html", "image/png"])]),
        "text/plain", "application/octet-stream"]), f"the tree is {kinds(message)}"
    assert re.search(r"^Subject: =\?utf-8\?", raw, re.M | re.I), "Subject not RFC 2047"
    assert message["Subject"] == f"Grüße aus dem {word} — 100 €"
    assert message["From"].addresses[0].display_name == f"Jürgen Müller {word}"

    alternative, notes, data = message.get_payload()
    plain, (html, image) = alternative.get_payload()[0], alternative.get_payload()[1].get_payload()
    assert plain["Content-Transfer-Encoding"] == "quoted-printable", plain.items()
    assert plain.get_content_charset() == "utf-8"
    assert f"Grüße aus dem {word}!" in plain.get_content() and "äöü ß" in plain.get_content()
    cid = image["Content-ID"]
    assert cid and f'src="cid:{cid.strip("<>")}"' in html.get_content(), \
        f"the html must refer to the image's Content-ID {cid}: {html.get_content()}"
    assert image.get_content_disposition() == "inline"
    assert sha(image.get_content()) == printed(result, "image sha256")
    for part, name in [(notes, f"notes-{word}.txt"), (data, f"data-{word}.bin")]:
        assert part.get_content_disposition() == "attachment" and part.get_filename() == name
    assert notes.get_payload(decode=True) == f"Notizen {word}: ½ €\n".encode()
    assert sha(data.get_content()) == printed(result, "data sha256")


# --- exercise 2 ---------------------------------------------------------------------------

def nested_message(word, msgid):
    """mixed[alternative[plain, html], a PDF with a non-ASCII name, mixed[a text file]]:
    one attachment sits a level down."""
    outer = EmailMessage()
    outer["From"], outer["To"], outer["Subject"] = "lab@example.com", "student@example.com", word
    outer["Message-ID"] = msgid
    outer.set_content(f"Grüße, {word}: ½ € für alle.\n", cte="base64")
    outer.add_alternative(f"<p>HTML {word}</p>", subtype="html")
    pdf = b"%PDF-1.4\n" + os.urandom(700)
    outer.add_attachment(pdf, "application", "pdf", filename=f"Übersicht-{word}.pdf")
    inner = EmailMessage()
    note = f"Notiz {word}: äöü\n".encode()
    inner.add_attachment(note, "text", "plain", filename=f"notiz-{word}.txt",
                         cte="quoted-printable")
    outer.attach(inner)
    return outer, f"Grüße, {word}: ½ € für alle.\n", [
        (f"Übersicht-{word}.pdf", "application/pdf", pdf),
        (f"notiz-{word}.txt", "text/plain", note)]


def html_with_inline_image(word, msgid):
    """related[html, an inline image that has a filename]: no attachment, the text is the
    html."""
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = ("lab@example.com",
                                                         "student@example.com", word)
    message["Message-ID"] = msgid
    cid = make_msgid(domain="example.com")
    html = f'<p>Nur HTML, {word}: <img src="cid:{cid[1:-1]}"></p>\n'
    message.set_content(html, subtype="html")
    message.add_related(b"\x89PNG\r\n\x1a\n" + os.urandom(300), "image", "png", cid=cid,
                        filename=f"logo-{word}.png", disposition="inline")
    return message, html, []


@pytest.mark.exercise(2)
@pytest.mark.parametrize("make", [nested_message, html_with_inline_image])
def test_text_and_attachments_after_imap(run, program, lab_file, mailbox, make):
    word = token()
    msgid = make_msgid(idstring=word, domain="example.com")
    message, text, expected = make(word, msgid)
    sent = run("h1", "python3", lab_file("send_raw.py"), MAIL, "student@example.com",
               stdin=message.as_bytes(policy=policy.SMTP).decode("ascii"))
    assert sent.status == 0, f"test setup: {shown(sent)}"
    mailbox(word)   # delivered
    result = run("h1", *program("fetch_parts.py"), MAIL, msgid, timeout=30)
    assert result.status == 0, shown(result)
    shown_text = ast.literal_eval(printed(result, "text"))   # repr() of a str
    assert isinstance(shown_text, str) and shown_text.replace("\r\n", "\n") == text, \
        f"the main text should be {text!r}{shown(result)}"
    found = re.findall(r"^attachment: (.*)$", result.stdout, re.M)
    assert found == [f"{name!r} {kind} {len(data)} bytes sha256 {sha(data)}"
                     for name, kind, data in expected], \
        f"expected the attachments {[n for n, _, _ in expected]}{shown(result)}"
