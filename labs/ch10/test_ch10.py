"""Grader for chapter 10: HTTP servers on www (wsgiref, gunicorn, nginx in front), clients on
h1, h2 and h4 (www sees them as modemA's and modemB's addresses), read from what the clients
got back (probe.py --batch prints it as JSON) AND from the capture on example's link to www.

Every request of a run carries a header with a fresh token(), so the connections of this
run are told apart from anyone else's in the capture.
"""
import json
import random
import re
from contextlib import contextmanager
from urllib.parse import quote

import pytest

from playground.grading import conversations, shown, tcp, token, wait_until

TIMEAPPS = {10010: "timeapp_raw", 10011: "timeapp_webob", 10012: "timeapp_werkzeug"}
ENVIRON_PORT, PROXY_PORT, APP_PORT = 10013, 10020, 10021
HOST_PORT, FILES_PORT, REST_PORT = 10030, 10040, 10050
NGINX_FILES = "/tmp/ch10-nginx*"   # what nginx.conf makes it write on www
ON_THE_WIRE = dict(host="example", facing="www")
RUN_HEADER = "X-Lab-Run"


# --- helpers ----------------------------------------------------------------------------

@pytest.fixture
def probe(run, lab_file):
    """probe(host, [request, ...]) -> the responses, from probe.py --batch on that host;
    every request gets the X-Lab-Run header `word` unless it names one."""
    def go(host, requests, word="", timeout=3):
        for request in requests:
            request.setdefault("headers", {}).setdefault(RUN_HEADER, word)
        result = run(host, "python3", lab_file("probe.py"), "--batch", "--timeout",
                     str(timeout), stdin=json.dumps(requests), timeout=60)
        assert result.status == 0, shown(result)
        return json.loads(result.stdout)
    return go


@pytest.fixture
def addresses(topology):
    """How www sees each client host: its modem's WAN address."""
    a, b = (str(topology[m].interface("wan").ip) for m in ("modemA", "modemB"))
    return {"h1": a, "h2": a, "h4": b}


@pytest.fixture
def nginx(serve, run, lab_file):
    """nginx.conf's reverse proxy on www: port 10020 to 127.0.0.1:10021; its files in /tmp
    removed afterwards."""
    @contextmanager
    def go():
        try:
            with serve("www", "nginx", "-c", lab_file("nginx.conf"),
                       "-e", "/tmp/ch10-nginx-error.log", port=PROXY_PORT) as server:
                yield server
        finally:
            run("www", "sh", "-c", f"rm -rf {NGINX_FILES}")
    return go


def header(response, name):
    """A header of a response (probe.py's JSON), whatever its case; None when absent."""
    return next((v for k, v in response.get("headers", []) if k.lower() == name.lower()),
                None)


def media_type(response):
    return (header(response, "Content-Type") or "").split(";")[0].strip().lower()


def said(response):
    """A response in a few words, for assertion messages."""
    if "error" in response:
        return response["error"]
    return f"{response['status']} {header(response, 'Content-Type')} {response['body'][:200]!r}"


def exchanges(packets, port, word):
    """[(request bytes, response bytes)] of the connections to port whose request carries
    word (this run's), in the order they opened."""
    opened = {p.sport: p.time for p in reversed(tcp(packets, port)) if p.flags == "S"}
    mine = [(opened.get(client, 0), pair) for client, pair in conversations(packets, port).items()
            if word.encode() in pair[0]]
    return [pair for _, pair in sorted(mine, key=lambda item: item[0])]


def status_on_wire(response: bytes):
    match = re.match(rb"HTTP/1\.[01] (\d{3}) ", response)
    return int(match.group(1)) if match else None


def headers_on_wire(data: bytes) -> dict:
    head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")[1:]
    return {k.strip().lower(): v.strip() for k, v in (line.split(":", 1) for line in head)}


# --- the example programs ---------------------------------------------------------------

def test_raw_webob_and_werkzeug_apps_answer_alike(serve, probe, lab_file):
    """The three time apps under wsgiref and gunicorn: 200 for GET / with one of the site's
    names, 404 for other Hosts and paths, 405 with Allow for other methods."""
    with serve("www", "python3", lab_file("timeapp_raw.py"), port=10010), \
            serve("www", "gunicorn", "--bind", "0.0.0.0:10011", "--chdir", "/labs/ch10",
                  "timeapp_webob:application", port=10011), \
            serve("www", "python3", lab_file("timeapp_werkzeug.py"), "--server", "gunicorn",
                  port=10012):
        for port, app in TIMEAPPS.items():
            url = f"http://www:{port}/"
            got = probe("h1", [{"url": url}, {"url": url, "headers": {"Host": "WWW.example.com"}},
                               {"url": url, "headers": {"Host": f"evil{token()}.example"}},
                               {"url": url + token()}, {"url": url, "method": "POST"}])
            assert [r.get("status") for r in got] == [200, 200, 404, 404, 405], \
                f"{app}: {[said(r) for r in got]}"
            assert re.fullmatch(r"\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}\n", got[0]["body"])
            assert all(media_type(r) == "text/plain" for r in got), app
            assert header(got[4], "Allow") == "GET", app
            server = header(got[0], "Server")
            assert ("WSGIServer" if port == 10010 else "gunicorn") in server, (app, server)


def test_environ_shows_the_request_and_nginx_adds_the_client(serve, nginx, probe, lab_file,
                                                             capture, addresses):
    forged, word = f"198.51.100.{random.randint(1, 254)}", token()
    with serve("www", "python3", lab_file("environ_app.py"), "--server", "gunicorn",
               "--port", str(APP_PORT), port=APP_PORT), nginx():
        with capture("www", filter=f"tcp port {APP_PORT}") as cap:
            via_proxy, direct = (json.loads(r["body"]) for r in probe("h1", [
                {"url": f"http://www:{port}/{word}?q=1", "body": f"w={word}",
                 "headers": {"X-Forwarded-For": forged}} for port in (PROXY_PORT, APP_PORT)]))
    assert via_proxy["REMOTE_ADDR"] == "127.0.0.1", via_proxy
    assert via_proxy["HTTP_X_FORWARDED_FOR"] == f"{forged}, {addresses['h1']}", via_proxy
    assert via_proxy["HTTP_X_REAL_IP"] == addresses["h1"]
    assert via_proxy["HTTP_HOST"] == f"www:{PROXY_PORT}"
    assert direct["REMOTE_ADDR"] == addresses["h1"] and direct["HTTP_X_FORWARDED_FOR"] == forged
    for seen in (via_proxy, direct):
        assert (seen["PATH_INFO"], seen["QUERY_STRING"], seen["body"]) == \
            (f"/{word}", "q=1", f"w={word}"), seen
    # on www's loopback: nginx's own request to gunicorn, with the entry it appended
    (request, _), = [pair for pair in exchanges(cap.packets, APP_PORT, word)
                     if b"X-Real-IP" in pair[0]]
    assert headers_on_wire(request)["x-forwarded-for"] == f"{forged}, {addresses['h1']}"


def test_threads_serve_two_downloads_at_once(serve, run, background, lab_file, capture):
    folder, size = f"/tmp/ch10-files-{token()}", random.randint(250_000, 300_000)
    url = f"http://www:{FILES_PORT}/blob"
    try:
        made = run("www", "sh", "-c", f"mkdir {folder} && head -c {size} /dev/urandom > "
                   f"{folder}/blob && sha256sum {folder}/blob").check()
        digest = f"{size} bytes sha256={made.stdout.split()[0]}"
        for mode in ([], ["--single"]):
            with serve("www", "python3", lab_file("threaded_server.py"), "--directory", folder,
                       "--rate", str(size), *mode, port=FILES_PORT), \
                    capture(**ON_THE_WIRE, filter=f"tcp port {FILES_PORT}") as cap, \
                    background("h1", "python3", lab_file("download.py"), url) as first:
                second = run("h2", "python3", lab_file("download.py"), url)
                wait_until(lambda: not first.alive(), 20, "the download on h1 ended")
            for out in (first.output(), second.stdout):
                assert out.startswith(digest), f"{mode}: {out}{shown(second)}"
            spans = sorted((min(t), max(t)) for t in sending_times(cap.packets).values())
            assert len(spans) == 2, f"{mode}: expected two downloads, saw {spans}"
            overlap = spans[1][0] < spans[0][1]
            assert overlap == (not mode), \
                f"{mode or 'threads'}: the downloads {'overlap' if overlap else 'took turns'}"
    finally:
        run("www", "rm", "-rf", folder)


def sending_times(packets) -> dict:
    """{client port: [times www sent it data]} on the files port."""
    out = {}
    for p in tcp(packets, FILES_PORT):
        if p.sport == FILES_PORT and p.payload:
            out.setdefault(p.dport, []).append(p.time)
    return out


# --- Exercise 1: a REST dispatcher without the cgi module ---------------------------------

def rest_cases(prefix):
    """(what, request, status, JSON body (None: any), Allow) for one run's paths and values."""
    name, other = token(), token()
    a, b = random.randint(-999, 999), random.randint(1000, 99999)
    base = f"http://www:{REST_PORT}{prefix}"
    return [
        ("POST with a form body", {"url": f"{base}/hello", "body": f"name={quote(other)}"},
         200, {"message": f"Hello {other}"}, None),
        ("GET with a query", {"url": f"{base}/hello?name={quote(name + ' & co')}"},
         200, {"message": f"Hello {name} & co"}, None),
        ("query and body together", {"url": f"{base}/sum?a={a}", "body": f"b={b}"},
         200, {"sum": a + b}, None),
        ("a body that is not a form", {"url": f"{base}/hello?name={name}", "body": "name=x",
                                       "headers": {"Content-Type": "text/plain"}},
         200, {"message": f"Hello {name}"}, None),
        ("GET with no parameters", {"url": f"{base}/localtime"}, 200, None, None),
        ("a number that is not one", {"url": f"{base}/sum", "body": f"a={a}&b=x{b}"},
         400, None, None),
        ("a missing parameter", {"url": f"{base}/sum", "body": f"a={a}"}, 400, None, None),
        ("a name given twice", {"url": f"{base}/hello?name={name}&name={other}"},
         400, None, None),
        ("a name in the query and the body", {"url": f"{base}/hello?name={name}",
                                              "body": f"name={other}"}, 400, None, None),
        ("a field without =", {"url": f"{base}/hello?{name}"}, 400, None, None),
        ("bytes that are not UTF-8", {"url": f"{base}/hello", "body": "name=%FF%FE"},
         400, None, None),
        ("a GET of a POST-only path", {"url": f"{base}/sum"}, 405, None, {"POST"}),
        ("a DELETE", {"url": f"{base}/hello", "method": "DELETE"}, 405, None, {"GET", "POST"}),
        ("a PUT", {"url": f"{base}/localtime", "method": "PUT", "body": "x=1"},
         405, None, {"GET"}),
        ("an unknown path", {"url": f"{base}/{other}"}, 404, None, None),
        ("a path outside the prefix", {"url": f"http://www:{REST_PORT}/hello?name={name}"},
         404, None, None),
    ]


@pytest.mark.exercise(1)
def test_ex1_statuses_and_json(serve, probe, program, capture):
    prefix, word = f"/{token()}", token()
    cases = rest_cases(prefix)
    with serve("www", *program("rest_app.py"), "--prefix", prefix, port=REST_PORT), \
            capture(**ON_THE_WIRE, filter=f"tcp port {REST_PORT}") as cap:
        got = probe("h2", [request for _, request, *_ in cases], word)
    for (what, request, status, body, allow), response in zip(cases, got):
        where = f"{what} ({request.get('method', 'POST' if 'body' in request else 'GET')} " \
                f"{request['url']}): got {said(response)}"
        assert "error" not in response, f"{where}: no answer (does it read the body to the " \
                                        "end instead of CONTENT_LENGTH bytes?)"
        assert response["status"] == status, f"{where}; expected {status}"
        assert media_type(response) == "application/json", f"{where}; expected JSON"
        document = json.loads(response["body"])
        if body is not None:
            assert document == body, where
        if status >= 400:
            assert "error" in document, f"{where}; expected {{\"error\": ...}}"
        if allow:
            assert {m.strip() for m in (header(response, "Allow") or "").split(",")} == allow, \
                f"{where}; expected Allow: {', '.join(sorted(allow))}"
        if status == 200 and body is None:
            assert set(document) == {"time"}, where
    assert len(got) == len(cases)
    wire = exchanges(cap.packets, REST_PORT, word)
    assert [status_on_wire(resp) for _, resp in wire] == [r["status"] for r in got], \
        "the statuses on the wire are not the ones printed"
    assert all(headers_on_wire(resp).get("content-type", "").startswith("application/json")
               for _, resp in wire)


# --- Exercise 2: the client's real address behind a reverse proxy -------------------------

def whoami(probe, host, port, word, forged_headers):
    """What whoami_app said to host for each set of forged headers."""
    got = probe(host, [{"url": f"http://www:{port}/", "headers": dict(h)}
                       for h in forged_headers], word)
    assert all(r.get("status") == 200 for r in got), [said(r) for r in got]
    return [json.loads(r["body"]) for r in got]


def forgeries():
    fake = f"203.0.113.{random.randint(1, 254)}"
    return [{}, {"X-Forwarded-For": fake}, {"X-Forwarded-For": "127.0.0.1"},
            {"X-Forwarded-For": f"{fake}, 127.0.0.1"}, {"X-Real-IP": fake}]


@pytest.mark.exercise(2)
def test_ex2_real_client_behind_nginx(serve, nginx, probe, program, capture, addresses):
    word = token()
    with serve("www", *program("whoami_app.py"), port=APP_PORT), nginx(), \
            capture(**ON_THE_WIRE, filter=f"tcp port {PROXY_PORT}") as cap:
        answers = {host: whoami(probe, host, PROXY_PORT, word, forgeries())
                   for host in ("h1", "h4")}
    for host, seen in answers.items():
        for headers, answer in zip(forgeries(), seen):
            assert answer["remote_addr"] == "127.0.0.1", f"not through nginx? {answer}"
            assert answer["client"] == addresses[host], \
                f"from {host} ({addresses[host]}) via nginx, sending {headers or 'no header'}" \
                f": the app said {answer['client']!r} (X-Forwarded-For as it arrived: " \
                f"{answer['x_forwarded_for']!r})"
    senders = {p.src for p in tcp(cap.packets, PROXY_PORT)
               if p.dport == PROXY_PORT and word.encode() in p.payload}
    assert senders == {addresses["h1"], addresses["h4"]}, f"requests came from {senders}"


@pytest.mark.exercise(2)
def test_ex2_direct_clients_are_not_believed(serve, probe, program, addresses):
    word = token()
    with serve("www", *program("whoami_app.py"), port=APP_PORT):
        answers = {host: whoami(probe, host, APP_PORT, word, forgeries()) for host in ("h2", "h4")}
    for host, seen in answers.items():
        for headers, answer in zip(forgeries(), seen):
            assert answer["client"] == addresses[host] == answer["remote_addr"], \
                f"from {host} ({addresses[host]}) straight to gunicorn, no proxy between, " \
                f"sending {headers or 'no header'}: the app said {answer['client']!r}"


# --- Exercise 3: a site that answers only for its own names -------------------------------

def host_cases(site):
    """(Host header or None for none, status) for one run's site name."""
    other = random.choice([p for p in range(8000, 9000) if p != HOST_PORT])
    return [
        ("www.example.com", 200), (site, 200), ("WWW.Example.COM", 200),
        (site.upper(), 200), (f"www.example.com:{HOST_PORT}", 200),
        (f"{site.capitalize()}:{HOST_PORT}", 200),
        (None, 404), ("", 404), (f"evil{token()}.example", 404), ("10.130.1.4", 404),
        (f"www.example.com:{other}", 404), (f"{site}:80", 404), (f"{site}:", 404),
        (f"{site}:http", 404), (f"x{site}", 404), (f"{site}.{token()}.org", 404),
        (f"www.example.com:{HOST_PORT}:{HOST_PORT}", 404), (f"www.{site}", 404),
    ]


@pytest.mark.exercise(3)
def test_ex3_200_only_for_our_names(serve, probe, program, capture):
    site, word = f"{token()}.example.com", token()
    cases = host_cases(site)
    random.shuffle(cases)
    with serve("www", *program("host_app.py"), "--server", "gunicorn", "--allow",
               "www.example.com", "--allow", site, port=HOST_PORT), \
            capture(**ON_THE_WIRE, filter=f"tcp port {HOST_PORT}") as cap:
        got = probe("h1", [{"url": f"http://10.130.1.4:{HOST_PORT}/", "headers": {"Host": h}}
                           for h, _ in cases], word)
    wrong = [f"Host {'(none)' if h is None else repr(h)}: {said(r)}, expected {status}"
             for (h, status), r in zip(cases, got) if r.get("status") != status]
    assert not wrong, "\n".join(wrong)
    wire = exchanges(cap.packets, HOST_PORT, word)
    assert [(headers_on_wire(req).get("host"), status_on_wire(resp)) for req, resp in wire] == \
        [(None if h is None else h, status) for h, status in cases], \
        "the capture does not show these Host headers and statuses"
