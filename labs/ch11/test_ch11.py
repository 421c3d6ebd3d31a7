"""Grader for chapter 11: the bank on www attacked from h2 (mallory's host) and used
honestly from h1 (the victim's browser), judged by the bank's own journal (a `PAID {json}`
line per payment) and by the pages it serves; the login on the wire (a capture on isp);
the crawler judged by the access log of a site built afresh for each run.

Every customer name, password, memo and payload is fresh each run (token()), so nothing
here can be answered from a table, and the journal lines of one test are its own.
"""
import html.parser
import json
import posixpath
import random
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from playground.grading import conversations, shown, sni, tls_records, token

BANK_PORT, OTHER_BANK_PORT, TLS_PORT = 11010, 11011, 11043
SITE_PORT, OTHER_SITE_PORT, EVIL_PORT = 11020, 11021, 11080
WWW = "www.example.com"
VICTIM, ATTACKER = "h1", "h2"


# --- the bank ------------------------------------------------------------------------------

class Customers:
    """Three fresh customers: the victim, mallory (the attacker) and a friend."""

    def __init__(self):
        self.victim, self.mallory, self.friend = (token() for _ in range(3))
        self.password = {name: token() for name in (self.victim, self.mallory, self.friend)}

    def args(self):
        return [a for name, pw in self.password.items() for a in ("--user", f"{name}:{pw}")]

    def login(self, name):
        return ["login", name, self.password[name]]


def bank_url(port=BANK_PORT, scheme="http"):
    return f"{scheme}://{WWW}:{port}"


@pytest.fixture
def browse(run, lab_file):
    """browse(host, bank port, *steps) -> one dict per step (status, url, cookies, html):
    browser.py, our headless stand-in for a person's browser, on that host."""
    def go(host, port, *steps):
        result = run(host, "python3", lab_file("browser.py"), bank_url(port), "--json", *steps)
        assert result.status == 0, f"browser.py on {host}: {' '.join(steps)}{shown(result)}"
        return [json.loads(line) for line in result.stdout.splitlines()]
    return go


def journal(server):
    """The payments the bank made, from its own output."""
    return [json.loads(line.split(" ", 1)[1]) for line in server.output().splitlines()
            if line.startswith("PAID ")]


def paid(server, memo):
    return [e for e in journal(server) if e["memo"] == memo]


def logged_in_as(step, name):
    """Did the bank treat this request as name's (their own account page)?"""
    return urlsplit(step["url"]).path == "/" and f"Welcome, {name}</h1>" in step["html"]


def refused_login(step):
    """Was the request sent to the login page, as any stranger's would be?"""
    return step["status"] == 200 and urlsplit(step["url"]).path == "/login"


class Html(html.parser.HTMLParser):
    """Every element of a page: (tag, attributes, text inside it), in order."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.elements, self.open = [], []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs), []))
        if tag not in ("input", "meta", "img", "br", "link"):
            self.open.append(len(self.elements) - 1)

    def handle_endtag(self, tag):
        for i in range(len(self.open) - 1, -1, -1):
            if self.elements[self.open[i]][0] == tag:
                del self.open[i:]
                break

    def handle_data(self, data):
        for i in self.open:
            self.elements[i][2].append(data)

    def find(self, tag, **attrs):
        return [(a, "".join(t)) for name, a, t in self.elements
                if name == tag and all(a.get(k) == v for k, v in attrs.items())]


# What the bank's own pages are made of: anything else in a page came from a payload.
MARKUP = {"html": set(), "head": set(), "meta": {"charset"}, "title": set(), "body": set(),
          "h1": set(), "p": {"id"}, "a": {"href", "class"}, "table": {"id"}, "tr": set(),
          "th": set(), "td": {"class"}, "form": {"id", "method", "action"}, "label": set(),
          "input": {"type", "name", "value"}, "button": {"type"}}


def only_bank_markup(page, what):
    for tag, attrs, _ in page.elements:
        assert tag in MARKUP, f"{what}: the page has a <{tag}> element the bank never writes"
        extra = set(attrs) - MARKUP[tag]
        assert not extra, f"{what}: <{tag}> has attribute(s) {sorted(extra)} the bank never " \
                          f"writes: a payload got out of its place"


# --- the attacks, against any version of the bank ---------------------------------------------

def forge_cookies(browse, who, port, other_port):
    """Cookies mallory can make for the victim: the bare name (the book's flaw), her own
    honest cookie with her name changed (whole, and with its proof cut or dropped), the
    victim's honest cookie from another server (another key), a non-ASCII proof.
    -> {what it is: cookie}"""
    mine = browse(ATTACKER, port, *who.login(who.mallory))[-1]["cookies"]["session"]
    theirs = browse(VICTIM, other_port, *who.login(who.victim))[-1]["cookies"]["session"]
    changed = mine.replace(who.mallory, who.victim)
    body = changed.rpartition(".")[0]
    return {"the bare name": who.victim, "mallory's cookie with the name changed": changed,
            "... and its proof cut short": changed[:-1], "... and an empty proof": body + ".",
            "... and no proof": body, "the victim's cookie from another bank": theirs,
            "... a non-ASCII proof": f"{body}.\u00e9t\u00e9"}


def attack_with_cookies(browse, who, port, cookies):
    """For each forged cookie ({what: cookie}): open the account page, and post a payment
    to mallory. -> [(what, page step, payment step, memo)]"""
    memos = [token() for _ in cookies]
    steps = []
    for cookie, memo in zip(cookies.values(), memos):
        form = urlencode({"account": who.mallory, "dollars": "9", "memo": memo})
        steps += ["cookie", cookie, "open", "/", "post", "/pay", form]
    results = browse(ATTACKER, port, *steps)
    assert len(results) == 2 * len(cookies), results
    return [(what, results[2 * i], results[2 * i + 1], m)
            for i, (what, m) in enumerate(zip(cookies, memos))]


PAYLOADS = ['<script>alert("{t}")</script>', '"><img src=x onerror=alert(\'{t}\')>',
            '" autofocus onfocus="alert(\'{t}\')', "'><svg/onload=alert('{t}')>",
            '</td></tr></table><iframe src="javascript:alert(\'{t}\')"></iframe>',
            '<ScRiPt src=//h2:11080/{t}.js></sCrIpT>', '{t}&dollars=99999&account=mallory',
            '{t}#x?y=1 & z=2', 'Fish & Chips <3 "{t}" cost 5 > 4 &amp; more \u00e9']


def payloads():
    """The payloads of this run, in a fresh order, each with a fresh token; the last is
    harmless text that must still read exactly as written."""
    chosen = [p.format(t=token()) for p in PAYLOADS]
    random.shuffle(chosen)
    return chosen


def csrf_page(who, memo, **extra):
    """The URL of mallory's page that makes its visitor pay her, with a memo to know it by."""
    fields = {"account": who.mallory, "dollars": "7", "memo": memo, **extra}
    return f"http://{ATTACKER}:{EVIL_PORT}/?{urlencode(fields)}"


def hidden_token(step):
    found = Html(step["html"]).find("input", name="csrf_token")
    return found[0][0].get("value", "") if found else ""


# --- the flawed bank: every attack works ------------------------------------------------------

def test_the_flawed_bank_falls_to_every_attack(serve, browse, lab_file):
    who = Customers()
    bank = ["python3", lab_file("bank.py"), "--flawed", *who.args()]
    with serve("www", *bank, "--port", str(BANK_PORT), port=BANK_PORT) as server, \
            serve(ATTACKER, "python3", lab_file("evil_site.py"), port=EVIL_PORT):
        (_, page, payment, memo), = attack_with_cookies(browse, who, BANK_PORT,
                                                        {"the bare name": who.victim})
        assert logged_in_as(page, who.victim), "the bare name did not open the account"
        assert paid(server, memo) == [{"from": who.victim, "to": who.mallory, "dollars": 9,
                                       "memo": memo}], journal(server)
        script = f'<script>alert("{token()}")</script>'
        memo = token()
        steps = browse(VICTIM, BANK_PORT, *who.login(who.victim),
                       "open", "/?" + urlencode({"flash": script}),
                       "submit", csrf_page(who, memo))
        assert script in steps[1]["html"], "the message was not written into the page as is"
        assert len(paid(server, memo)) == 1, "mallory's page did not make the victim pay"


# --- the login on the wire, and a table scraped --------------------------------------------

def test_the_password_crosses_http_in_clear_and_https_hides_it(serve, run, browse, lab_file,
                                                               capture):
    who = Customers()
    bank = ["python3", lab_file("bank.py"), "--flawed", *who.args()]
    memos = [token(), token()]
    scrape = ["python3", lab_file("statement.py")]
    with serve("www", *bank, "--port", str(BANK_PORT), port=BANK_PORT), \
            serve("www", *bank, "--tls", port=TLS_PORT):
        for port in (BANK_PORT, TLS_PORT):
            scheme = "https" if port == TLS_PORT else "http"
            run(VICTIM, "python3", lab_file("browser.py"), bank_url(port, scheme),
                *who.login(who.victim), "pay", who.friend, "12", memos[0],
                "pay", who.mallory, "3", memos[1]).check()
        with capture("isp", facing="modemA", filter=f"tcp port {BANK_PORT}") as plain:
            http = run(VICTIM, *scrape, bank_url(), who.victim, who.password[who.victim])
        with capture("isp", facing="modemA", filter=f"tcp port {TLS_PORT}") as tls:
            https = run(VICTIM, *scrape, bank_url(TLS_PORT, "https"), who.victim,
                        who.password[who.victim], "--with", "lxml")
    expect = [{"from": who.victim, "to": who.friend, "dollars": 12, "memo": memos[0]},
              {"from": who.victim, "to": who.mallory, "dollars": 3, "memo": memos[1]}]
    for result in (http, https):
        assert result.status == 0, shown(result)
        assert [json.loads(line) for line in result.stdout.splitlines()] == expect, \
            f"not the table of the victim's payments{shown(result)}"
    secret = f"password={who.password[who.victim]}".encode()
    sent = b"".join(c for c, _ in conversations(plain.packets, BANK_PORT).values())
    assert b"POST /login " in sent and secret in sent, "no login form in clear on port 11010"
    streams = conversations(tls.packets, TLS_PORT).values()
    hellos = [body for c, _ in streams for kind, body in tls_records(c)
              if kind == 22 and body[:1] == b"\x01"]
    assert hellos and all(sni(h) == WWW for h in hellos), "no TLS ClientHello for www"
    for client, server in streams:
        assert who.password[who.victim].encode() not in client + server
        assert memos[0].encode() not in server, "the table crossed in clear"


# --- Exercise 1: a session cookie no one can forge ------------------------------------------

@pytest.mark.exercise(1)
def test_ex1_forged_cookies_are_strangers_honest_ones_work(serve, browse, program):
    who = Customers()
    bank = [*program("bank.py"), "--fix", "session", *who.args()]
    with serve("www", *bank, "--port", str(BANK_PORT), port=BANK_PORT) as server, \
            serve("www", *bank, "--port", str(OTHER_BANK_PORT), port=OTHER_BANK_PORT):
        cookies = forge_cookies(browse, who, BANK_PORT, OTHER_BANK_PORT)
        attacks = attack_with_cookies(browse, who, BANK_PORT, cookies)
        memo = token()
        honest = browse(VICTIM, BANK_PORT, *who.login(who.victim), "pay", who.friend, "4",
                        memo, "open", "/", *who.login(who.victim))
    for what, page, payment, memo_of_attack in attacks:
        cookie = f"{what} ({cookies[what]!r})"
        assert page["status"] != 500 and payment["status"] != 500, \
            f"the bank failed (500) on {cookie} instead of refusing it"
        assert refused_login(page) and refused_login(payment), \
            f"{cookie} was not sent to log in: it got {page['url']}"
        assert not paid(server, memo_of_attack), f"{cookie} paid mallory"
    assert logged_in_as(honest[0], who.victim), "the victim's own login did not work"
    assert paid(server, memo) == [{"from": who.victim, "to": who.friend, "dollars": 4,
                                   "memo": memo}], "the victim's payment is not in the journal"
    assert memo in honest[2]["html"], "the victim's account page does not show the payment"
    first, again = honest[0]["cookies"]["session"], honest[3]["cookies"]["session"]
    assert first.startswith(who.victim + "."), f"the cookie {first!r}: name, dot, proof"
    assert first != again, "two logins got the same cookie: no fresh random part"


# --- Exercise 2: text that stays text in the page -------------------------------------------

@pytest.mark.exercise(2)
def test_ex2_payloads_stay_text_and_plain_text_reads_right(serve, browse, program):
    who = Customers()
    stored, flashes, fields = payloads(), payloads(), payloads()
    with serve("www", *program("bank.py"), "--fix", "markup", *who.args(),
               port=BANK_PORT) as server:
        steps = [w for i, memo in enumerate(stored)
                 for w in ("pay", who.victim, str(i + 1), memo)]
        browse(ATTACKER, BANK_PORT, *who.login(who.mallory), *steps)
        filled = [dict(zip(("account", "dollars", "memo"), fields[i:i + 3]))
                  for i in range(0, len(fields), 3)]
        links = ["/?" + urlencode({"flash": f}) for f in flashes] + \
            ["/pay?" + urlencode(f) for f in filled]
        pages = browse(VICTIM, BANK_PORT, *who.login(who.victim),
                       *[w for link in links for w in ("open", link)], "open", "/")
    assert [e["memo"] for e in journal(server)] == stored, "mallory's payments are missing"
    for flash, step in zip(flashes, pages[1:]):
        page = Html(step["html"])
        only_bank_markup(page, f"the account page (mallory's memos, the message {flash!r})")
        assert [t for _, t in page.find("p", id="flash")] == [flash], \
            f"the message {flash!r} does not read as written in its paragraph"
    for values, step in zip(filled, pages[1 + len(flashes):]):
        form = Html(step["html"])
        only_bank_markup(form, f"the payment form filled with {values}")
        for name, value in values.items():
            got = [a.get("value") for a, _ in form.find("input", name=name)]
            assert got == [value], f"the {name} field reads {got}, not [{value!r}]"
    ledger = Html(pages[-1]["html"])
    only_bank_markup(ledger, "the account page with mallory's memos")
    assert [t for _, t in ledger.find("td", **{"class": "memo"})] == stored, \
        "the memos in the account page do not read as written"
    for (a, _), (i, memo) in zip(ledger.find("a", **{"class": "again"}), enumerate(stored)):
        link = urlsplit(a["href"])
        sent = parse_qs(link.query, keep_blank_values=True)
        assert link.path == "/pay" and sent == {"account": [who.mallory],
                                                "dollars": [str(i + 1)], "memo": [memo]}, \
            f"the 'pay again' link of memo {memo!r} would send {sent}"
    assert len(ledger.find("a", **{"class": "again"})) == len(stored)


# --- Exercise 3: a CSRF token in every form --------------------------------------------------

@pytest.mark.exercise(3)
def test_ex3_cross_site_forms_are_refused_the_bank_own_form_pays(serve, browse, program,
                                                                 lab_file):
    who = Customers()
    bank = [*program("bank.py"), "--fix", "csrf", *who.args()]
    with serve("www", *bank, "--port", str(BANK_PORT), port=BANK_PORT) as server, \
            serve("www", *bank, "--port", str(OTHER_BANK_PORT), port=OTHER_BANK_PORT), \
            serve(ATTACKER, "python3", lab_file("evil_site.py"), port=EVIL_PORT):
        hers = hidden_token(browse(ATTACKER, BANK_PORT, *who.login(who.mallory),
                                   "open", "/pay")[-1])
        elsewhere = hidden_token(browse(VICTIM, OTHER_BANK_PORT, *who.login(who.victim),
                                        "open", "/pay")[-1])
        tries = {   # memo: what mallory's page sends as the token
            token(): None, token(): "", token(): hers, token(): elsewhere,
            token(): who.victim}   # the flawed bank's session cookie is the bare name
        memo = token()
        steps = browse(VICTIM, BANK_PORT, *who.login(who.victim),
                       *[w for m, t in tries.items()
                         for w in ("submit", csrf_page(who, m, **(
                             {} if t is None else {"csrf_token": t})))],
                       "pay", who.friend, "5", memo, "open", "/pay")
    assert hers and elsewhere, "the payment form carries no csrf_token"
    assert hers != elsewhere
    what = {None: "no token", "": "an empty token", hers: "mallory's own token",
            elsewhere: "the victim's token from another server", who.victim:
            "the victim's session cookie as the token"}
    for step, (m, t) in zip(steps[1:], tries.items()):
        assert not paid(server, m), f"mallory's page with {what[t]} made the victim pay"
        assert step["status"] == 403, f"the form with {what[t]} got {step['status']}, not 403"
    assert paid(server, memo) == [{"from": who.victim, "to": who.friend, "dollars": 5,
                                   "memo": memo}], "the bank's own form did not pay"
    assert hidden_token(steps[-1]), "the victim's payment form carries no token"


# --- Exercise 4: a polite crawler ------------------------------------------------------------

AGENT = "labcrawler"
UNPACK = ("import json, os, sys\n"
          "for path, text in json.load(sys.stdin).items():\n"
          "    name = os.path.join(sys.argv[1], path.lstrip('/'))\n"
          "    os.makedirs(os.path.dirname(name), exist_ok=True)\n"
          "    open(name, 'w').write(text)\n")


class Site:
    """A site made for one run: pages in folders with fresh names, linked at random in
    every way an href can be written, plus what a polite crawler must leave alone."""

    def __init__(self):
        self.files, self.links = {}, {}
        folders = ["/", f"/{token()}/", f"/{token()}/{token()}/"]
        self.private, self.staff = "/private/", f"/{token()}/"
        pages = ["/"] + [f"{random.choice(folders)}{token()}.html" for _ in range(7)]
        behind = [f"{random.choice(folders)}{token()}.html" for _ in range(2)]
        closed = [f"{self.private}{token()}.html", f"{self.staff}{token()}.html"]
        self.text_only, self.form_only, self.missing = (
            f"{random.choice(folders)}{token()}.html" for _ in range(3))
        self.notes, self.image = f"{folders[1]}{token()}.txt", f"/{token()}.png"
        for i, page in enumerate(pages[1:], 1):              # a tree from the home page
            self.link(random.choice(pages[:i]), page)
        for _ in range(8):                                   # and more links, at random
            self.link(*random.sample(pages, 2))
        for page, hidden in zip(closed, behind):             # only disallowed pages lead on
            self.link(random.choice(pages), page)
            self.link(page, hidden)
        for target in (self.missing, self.notes):
            self.link(random.choice(pages), target)
        self.expected = pages + [self.missing, self.notes]
        self.forbidden = closed + behind + [self.text_only, self.form_only, self.image]
        self.write(pages + closed + behind + [self.text_only, self.form_only])

    def link(self, page, target):
        self.links.setdefault(page, []).append(target)

    def href(self, page, target):
        """target written as one of the ways an href can say it."""
        folder = page if page.endswith("/") else posixpath.dirname(page) + "/"
        relative = posixpath.relpath(target, folder) + ("/" if target.endswith("/") else "")
        way = random.choice([relative, "./" + relative, target,
                             f"http://{WWW}:{SITE_PORT}{target}", f"//{WWW}:{SITE_PORT}{target}"])
        return way + random.choice(["", "", "#top", f"#{token()}"])

    def write(self, pages):
        for page in pages:
            body = [f'<p><a href="{self.href(page, t)}">{token()}</a></p>'
                    for t in self.links.get(page, [])]
            if page == "/":
                body += self.traps()
            self.files["/index.html" if page == "/" else page] = (
                f'<!DOCTYPE html>\n<html><head><title>{token()}</title>'
                f'<link rel="stylesheet" href="/{token()}.css"></head>\n<body>\n'
                + "\n".join(body) + "\n</body></html>\n")
        self.files[self.notes] = f'Not HTML: <a href="{self.text_only}">no link</a>\n'
        self.files[self.image] = "not really a picture\n"
        self.files["/robots.txt"] = (
            f"User-agent: *\nDisallow: {self.private}\n\n"
            f"User-agent: {AGENT}\nDisallow: {self.private}\nDisallow: {self.staff}\n"
            "Request-rate: 10/1\n")

    def traps(self):
        """Links that are not links to follow: another site, mail, script, a POST form,
        an image; and one page under two fragments, which is still one page."""
        again = random.choice(self.expected[1:])
        return [f'<p><a href="{again}#{token()}">this</a> <a href="{again}#{token()}">same</a>',
                f'<a href="http://{WWW}:{OTHER_SITE_PORT}{random.choice(self.expected)}">'
                "our other site</a> <a href=\"mailto:web@example.com\">mail</a> "
                '<a href="javascript:void(0)">menu</a></p>',
                f'<form method="post" action="{self.form_only}"><input name="q">'
                "<button>Go</button></form>", f'<img src="{self.image}" alt="">']


@pytest.fixture
def site(run):
    """A fresh Site, written to a folder in www's /tmp (removed afterwards) -> (Site, root)."""
    made, root = Site(), f"/tmp/ch11-site-{token()}"
    run("www", "python3", "-c", UNPACK, root, stdin=json.dumps(made.files)).check()
    try:
        yield made, root
    finally:
        run("www", "rm", "-rf", root)


def access_log(server):
    return [json.loads(line) for line in server.output().splitlines() if line.startswith("{")]


@pytest.mark.exercise(4)
def test_ex4_the_crawler_fetches_each_allowed_page_once(serve, run, program, lab_file, site):
    made, root = site
    sites = ["python3", lab_file("site.py"), "--root", root]
    with serve("www", *sites, port=SITE_PORT) as server, \
            serve("www", *sites, "--port", str(OTHER_SITE_PORT), port=OTHER_SITE_PORT) as other:
        result = run(VICTIM, *program("crawler.py"), f"http://{WWW}:{SITE_PORT}/", timeout=30)
    assert result.status == 0, shown(result)
    log = access_log(server)
    paths = [entry["path"] for entry in log]
    assert paths and paths[0] == "/robots.txt", f"robots.txt was not read first: {paths[:3]}"
    assert not access_log(other), f"it crawled another site (port {OTHER_SITE_PORT})"
    assert all(e["method"] == "GET" for e in log), "it sent something other than GET"
    for path in made.forbidden:
        assert path not in paths, f"it fetched {path}, which " + (
            "robots.txt disallows (or only a disallowed page links)"
            if path not in (made.text_only, made.form_only, made.image)
            else "no <a href> of an HTML page links")
    twice = sorted({p for p in paths if paths.count(p) > 1})
    assert not twice, f"it fetched {twice} more than once"
    assert sorted(paths[1:]) == sorted(made.expected), \
        f"missed: {sorted(set(made.expected) - set(paths))}; " \
        f"not expected: {sorted(set(paths) - set(made.expected) - {'/robots.txt'})}"
    assert all(e["agent"].startswith(AGENT) for e in log), "a request without its name"
    gaps = [b["t"] - a["t"] for a, b in zip(log, log[1:])]
    assert min(gaps) > 0.085, f"requests {min(gaps):.3f} s apart: robots.txt asks 10 per second"


def test_a_real_browser_reads_what_the_script_builds(serve, run, put, lab_file):
    """js_site/index.html fills its list from rates.json with JavaScript. Headless Chromium
    on h1 (js_crawl.py) prints the list; the HTML that requests sees holds none of it. The
    rates are fresh each run, and the site's log shows the browser fetching them."""
    rates = {token().upper(): str(random.randrange(100, 999)) for _ in range(3)}
    folder = run("www", "mktemp", "-d", "/tmp/ch11-js-XXXXXX").check().stdout.strip()
    try:
        run("www", "cp", lab_file("js_site/index.html"), folder).check()
        run("www", "cp", put("www", json.dumps(rates), suffix=".json"),
            f"{folder}/rates.json").check()
        run("www", "chmod", "-R", "a+rX", folder).check()
        with serve("www", "python3", lab_file("site.py"), "--root", folder,
                   port=SITE_PORT) as site:
            url = f"http://www.example.com:{SITE_PORT}/"
            seen = run(VICTIM, "python3", lab_file("js_crawl.py"), url, timeout=60)
            bare = run(VICTIM, "python3", "-c", "import requests, sys; "
                       "print(requests.get(sys.argv[1], timeout=5).text)", url).check()
            log = [json.loads(line) for line in site.output().splitlines()
                   if line.startswith("{")]
    finally:
        run("www", "rm", "-rf", folder)
    assert seen.status == 0, shown(seen)
    assert seen.stdout.splitlines() == [f"{name} {value}" for name, value in rates.items()], \
        shown(seen)
    assert not any(name in bare.stdout for name in rates), "the HTML alone holds the rates"
    fetched = [entry for entry in log if entry["path"] == "/rates.json"]
    assert fetched and "HeadlessChrome" in fetched[0]["agent"], log
