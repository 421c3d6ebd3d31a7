"""Grader for chapter 9: HTTP clients against httpbin on www, read from httpbin's echo AND
from the capture on example's link to www (every request on port 80 in clear, port 443 as
TLS records).

Other chapters' tests may talk to www at the same time, so nothing here counts all the
connections to port 80: each run puts a fresh token() into every URL it requests, and only
the connections that carry it are ours. The clients run on h2 (www sees 10.25.1.65, modemA).
"""
import base64
import hashlib
import json
import random
import re
from typing import NamedTuple
from urllib.parse import quote, urljoin

import pytest

from playground.grading import clean_failure, conversations, shown, sni, tcp, tls_records, \
    token

HTTP, HTTPS = 80, 443
WWW = "www.example.com"
WWW_ADDRESS = "10.130.1.4"
CLIENT = "h2"
CAPTURE = dict(host="example", facing="www", filter=f"tcp port {HTTP} or tcp port {HTTPS}")


# --- helpers ----------------------------------------------------------------------------

class Request(NamedTuple):
    line: str          # "GET /path HTTP/1.1"
    headers: dict      # lower-case names
    body: bytes


def requests_in(data: bytes) -> list[Request]:
    """The HTTP requests in a client's byte stream, in order (bodies by Content-Length)."""
    out, i = [], 0
    while (end := data.find(b"\r\n\r\n", i)) >= 0:
        line, *fields = data[i:end].decode("latin-1").split("\r\n")
        headers = {k.strip().lower(): v.strip() for k, v in (f.split(":", 1) for f in fields)}
        size = int(headers.get("content-length", 0))
        out.append(Request(line, headers, data[end + 4:end + 4 + size]))
        i = end + 4 + size
    return out


def ours(packets, word, port=HTTP) -> dict:
    """{client port: (client bytes, server bytes)} of the connections whose requests
    contain word: this test's, whoever else uses www meanwhile."""
    return {p: pair for p, pair in conversations(packets, port).items()
            if word.encode() in pair[0]}


def sent(packets, word) -> list[Request]:
    """Every request on port 80 containing word, in the order the connections opened."""
    return [r for _, (client, _) in sorted(ours(packets, word).items(),
                                           key=lambda kv: first_syn(packets, kv[0]))
            for r in requests_in(client)]


def first_syn(packets, client_port, port=HTTP) -> float:
    return min((p.time for p in tcp(packets, port) if p.sport == client_port and "S" in p.flags),
               default=0.0)


def syns(packets, client_port, port=HTTP) -> int:
    return sum(1 for p in tcp(packets, port) if p.sport == client_port and p.flags == "S")


def cookies_of(request: Request) -> dict:
    value = request.headers.get("cookie")
    return dict(pair.strip().split("=", 1) for pair in value.split(";")) if value else {}


def json_lines(result) -> dict:
    """side_by_side.py's output: {client: what it got back}."""
    assert result.status == 0, shown(result)
    return {name: json.loads(rest) for name, rest in
            (line.split(": ", 1) for line in result.stdout.splitlines())}


@pytest.fixture
def side(run, lab_file):
    """side_by_side(topic, *options) -> {client: result}, run on h2 with a word of its own."""
    def go(topic, word, *options):
        return json_lines(run(CLIENT, "python3", lab_file("side_by_side.py"), topic,
                              "--word", word, *options))
    return go


# --- the example programs -----------------------------------------------------------------

def test_three_clients_send_the_same(side):
    word = token()
    for topic, expect in [
            ("query", lambda r: r["args"] == {"q": word, "lang": "en & fr"}),
            ("form", lambda r: r["form"] == {"name": word, "lang": "en"}
             and r["content_type"] == "application/x-www-form-urlencoded"),
            ("upload", lambda r: r["files"] == {"file": f"hello {word}\n"}
             and r["form"] == {"note": word}),
            ("headers", lambda r: r["x-lab-word"] == word),
            ("head", lambda r: r["status"] == 200 and r["body_bytes"] == 0
             and int(r["content-length"]) > 0),
            ("auth", lambda r: r["status"] == 200
             and r["echo"] == {"authenticated": True, "user": "student"}),
            ("gzip", lambda r: r["content-encoding"] == "gzip" and r["gzipped"] is True),
            ("status", lambda r: r["status"] == 404)]:
        results = side(topic, word)
        assert set(results) == {"requests", "urllib", "http.client"}, results
        for client, result in results.items():
            assert expect(result), f"{topic} with {client}: {result}"
    assert side("status", word)["urllib"]["raised"] == "HTTP Error 404: NOT FOUND"


def test_a_session_keeps_one_connection_urllib_opens_one_each(side, capture):
    word = token()
    with capture(**CAPTURE) as cap:
        assert side("keepalive", word, "--client", "requests")["requests"]["statuses"] == [200] * 3
    mine = ours(cap.packets, word)
    assert len(mine) == 1, f"requests.Session: {len(mine)} connections for 3 requests"
    (port, (client, _)), = mine.items()
    assert syns(cap.packets, port) == 1 and len(requests_in(client)) == 3
    word = token()
    with capture(**CAPTURE) as cap:
        side("keepalive", word, "--client", "urllib")
    mine = ours(cap.packets, word)
    assert len(mine) == 3 and all(len(requests_in(c)) == 1 for c, _ in mine.values()), \
        f"urllib: expected 3 connections of one request each, saw {len(mine)}"
    assert all(r.headers.get("connection") == "close" for r in sent(cap.packets, word))


def test_basic_auth_is_readable_on_http_and_not_on_https(side, capture):
    word = token()
    with capture(**CAPTURE) as cap:
        assert side("auth", word, "--client", "http.client")["http.client"]["status"] == 200
    request, = sent(cap.packets, word)
    scheme, encoded = request.headers["authorization"].split()
    assert scheme == "Basic" and base64.b64decode(encoded) == f"student:{word}".encode()
    word = token()
    with capture(**CAPTURE) as cap:
        for client, result in side("auth", word, "--base", f"https://{WWW}").items():
            assert result["status"] == 200, f"{client} over https: {result}"
    streams = conversations(cap.packets, HTTPS).values()
    hellos = [body for client, _ in streams for kind, body in tls_records(client)
              if kind == 22 and body[:1] == b"\x01"]
    assert len(hellos) >= 3 and all(sni(h) == WWW for h in hellos), "no ClientHello for www"
    secret = base64.b64encode(f"student:{word}".encode())
    for client, server in streams:
        assert word.encode() not in client and secret not in client and b"student" not in client
    assert not ours(cap.packets, word), "the https requests went to port 80 as well"


def test_the_cookie_goes_into_the_second_request_only(side, capture):
    word = token()
    with capture(**CAPTURE) as cap:
        results = side("cookies", word, "--client", "requests", "--client", "urllib")
    for client in ("requests", "urllib"):
        assert results[client]["sent"] == {"lab": word}, results
    requests = sent(cap.packets, word)
    setting = [r for r in requests if "/cookies/set" in r.line]
    assert len(setting) == 2 and all("cookie" not in r.headers for r in setting)
    following = [r for r in requests if r.line.startswith("GET /cookies ")]
    assert len(following) == 2 and all(cookies_of(r) == {"lab": word} for r in following)


def test_303_turns_post_into_get_and_307_keeps_it(side, capture):
    word = token()
    with capture(**CAPTURE) as cap:
        result = side("redirects", word, "--client", "requests")["requests"]
    assert result["303"] == {"history": [303], "method": "GET", "data": ""}
    assert result["307"] == {"history": [307], "method": "POST", "data": word}
    finals = {r.line.split()[0]: r.body for r in sent(cap.packets, word)
              if r.line.split()[1] == f"/anything/{word}"}
    assert finals == {"GET": b"", "POST": word.encode()}, finals


def hellos(packets) -> list[str]:
    """The SNI of every TLS ClientHello to port 443, in the order the connections opened."""
    opened = sorted(conversations(packets, HTTPS).items(),
                    key=lambda kv: first_syn(packets, kv[0], HTTPS))
    return [sni(body) for _, (client, _) in opened
            for kind, body in tls_records(client) if kind == 22 and body[:1] == b"\x01"]


def test_a_site_that_moved_to_its_www_name(side, capture):
    word = token()
    with capture(**CAPTURE) as cap:
        result = side("moved", word)
    old, new = f"http://example.org/anything/{word}", f"http://{WWW}/anything/{word}"
    assert result["requests"] == {"history": [[301, old]], "url": new}
    assert result["urllib"]["url"] == new
    assert result["http.client"] == {"status": 301, "location": new}
    hosts = [r.headers["host"] for r in sent(cap.packets, word)]
    assert hosts == ["example.org", WWW] * 2 + ["example.org"], hosts


def test_a_site_that_moved_over_https_is_verified_under_both_names(side, capture):
    word = token()
    with capture(**CAPTURE) as cap:
        result = side("moved", word, "--client", "requests", "--base", f"https://{WWW}")
    assert result["requests"] == {"history": [[301, f"https://example.org/anything/{word}"]],
                                  "url": f"https://{WWW}/anything/{word}"}
    names = hellos(cap.packets)
    assert "example.org" in names and WWW in names[names.index("example.org"):], names


# --- Exercise 1: a keep-alive fetcher over http.client -------------------------------------

@pytest.mark.exercise(1)
def test_ex1_one_connection_for_every_path(run, program, capture):
    run_word, word = token(), token()
    size = random.randint(17000, 40000)    # more than one recv() of a careless reader
    expect = [   # path, status, body (None: any non-empty body)
        (f"/anything/{word}", 200, None),
        (f"/range/{size}?r={run_word}", 200, (b"abcdefghijklmnopqrstuvwxyz" * 2000)[:size]),
        (f"/status/404?r={run_word}", 404, b""),
        (f"/base64/{base64.urlsafe_b64encode(word.encode()).decode()}?r={run_word}", 200,
         word.encode()),
        (f"/status/418?r={run_word}", 418, None),
        (f"/anything/{run_word}/{word}", 200, None)]
    random.shuffle(expect)
    paths = [p for p, _, _ in expect]
    with capture(**CAPTURE) as cap:
        result = run(CLIENT, *program("keepalive.py"), "www", *paths)
    assert result.status == 0, shown(result)
    lines = result.stdout.splitlines()
    assert len(lines) == len(paths), f"one line per path expected{shown(result)}"
    for line, (path, status, body) in zip(lines, expect):
        got_status, got_path, length, digest = line.split()
        assert (int(got_status), got_path) == (status, path), f"{line!r}: expected {status}"
        if body is not None:
            assert int(length) == len(body) and digest == "sha256=" + sha(body), \
                f"{line!r}: not the body of {path}"
        else:
            assert int(length) > 0, f"{line!r}: an empty body"
    mine = {**ours(cap.packets, word), **ours(cap.packets, run_word)}
    assert len(mine) == 1, f"{len(mine)} TCP connections for {len(paths)} paths: expected one"
    (port, (client, server)), = mine.items()
    assert syns(cap.packets, port) == 1, "more than one handshake on the connection"
    assert [r.line for r in requests_in(client)] == [f"GET {p} HTTP/1.1" for p in paths]
    assert all(r.headers.get("connection", "keep-alive").lower() != "close"
               for r in requests_in(client)), "a request asked the server to close"


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


# --- Exercise 2: cookies carried from one response into the next ----------------------------

def visit(run, program, capture, *urls):
    """cookie_client.py URL...: (the echo of the last /cookies, the requests on port 80)."""
    with capture(**CAPTURE) as cap:
        result = run(CLIENT, *program("cookie_client.py"), *urls)
    assert result.status == 0, shown(result)
    echoes = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("  ")]
    assert echoes, f"no echo of /cookies{shown(result)}"
    return echoes[-1]["cookies"], cap.packets, result


@pytest.mark.exercise(2)
def test_ex2_two_cookies_reach_the_next_request(run, program, capture):
    jar = {token(): token(), token(): token()}
    pairs = "&".join(f"{k}={v}" for k, v in jar.items())
    word = token()
    echo, packets, result = visit(run, program, capture,
                                  f"http://{WWW}/cookies/set?{pairs}&r={word}",
                                  f"http://{WWW}/cookies?r={word}")
    assert echo == {**jar, "r": word}, f"httpbin got the cookies {echo}{shown(result)}"
    first, second = sent(packets, word)
    assert "cookie" not in first.headers, "the first request carried a cookie"
    assert cookies_of(second) == {**jar, "r": word}, f"Cookie: {second.headers.get('cookie')}"


@pytest.mark.exercise(2)
def test_ex2_a_deleted_cookie_stays_away(run, program, capture):
    keep, gone, word = token(), token(), token()
    echo, packets, result = visit(run, program, capture,
                                  f"http://{WWW}/cookies/set?{keep}=1&{gone}=2&r={word}",
                                  f"http://{WWW}/cookies/delete?{gone}=&r={word}",
                                  f"http://{WWW}/cookies?r={word}")
    # /cookies/delete deletes every name in its query: r as well
    assert echo == {keep: "1"}, f"after deleting {gone}: {echo}{shown(result)}"
    requests = sent(packets, word)
    assert [cookies_of(r) for r in requests] == [
        {}, {keep: "1", gone: "2", "r": word}, {keep: "1"}], \
        f"Cookie headers sent: {[r.headers.get('cookie') for r in requests]}"


@pytest.mark.exercise(2)
def test_ex2_secure_cookies_stay_off_plain_http(run, program, capture):
    name, value, word = token(), token(), token()
    echo, packets, result = visit(run, program, capture,
                                  f"https://{WWW}/cookies/set?{name}={value}",
                                  f"http://{WWW}/cookies?r={word}",
                                  f"https://{WWW}/cookies")
    assert echo == {name: value}, f"over https the Secure cookie must go: {echo}{shown(result)}"
    plain, = sent(packets, word)
    assert "cookie" not in plain.headers, f"over plain HTTP: Cookie: {plain.headers['cookie']}"
    assert not any(value.encode() in c for c, _ in conversations(packets, HTTP).values())


@pytest.mark.exercise(2)
def test_ex2_cookies_stay_with_their_host(run, program, capture):
    name, value, word = token(), token(), token()
    echo, packets, result = visit(run, program, capture,
                                  f"http://{WWW}/cookies/set?{name}={value}&r={word}",
                                  f"http://{WWW_ADDRESS}/cookies?r={word}",
                                  f"http://{WWW}/cookies?r={word}")
    assert echo == {name: value, "r": word}, f"back at {WWW}: {echo}{shown(result)}"
    _, elsewhere, back = sent(packets, word)
    assert elsewhere.headers["host"] == WWW_ADDRESS and "cookie" not in elsewhere.headers, \
        f"{WWW}'s cookie went to {WWW_ADDRESS}: {elsewhere.headers.get('cookie')}"
    assert cookies_of(back) == {name: value, "r": word}


# --- Exercise 3: a redirect follower that knows its methods ---------------------------------

def chain(statuses, final, start=f"http://{WWW}"):
    """A URL that httpbin redirects with each status in turn, to `final` (a path relative to
    the server's root, with no leading /); every other Location is relative like it, the
    others absolute URLs."""
    location = final
    for i, status in reversed(list(enumerate(statuses))):
        target = location if i % 2 else urljoin(f"http://{WWW}/", location)
        location = f"redirect-to?url={quote(target, safe='')}&status_code={status}"
    return f"{start}/{location}"


def methods(method, statuses):
    """The method of each request of a chain, as a browser sends them (and the body kept?)."""
    out, body = [method], True
    for status in statuses:
        if status == 303 and method != "HEAD" or status in (301, 302) and method == "POST":
            method, body = "GET", False
        out.append(method)
    return out, body


def redirected(run, program, capture, method, statuses, *options):
    word, data = token(), token()
    url = chain(statuses, f"anything/{word}")
    with capture(**CAPTURE) as cap:
        result = run(CLIENT, *program("redirect_client.py"), method, url, "--data", data,
                     *options)
    return result, sent(cap.packets, word), word, data


@pytest.mark.exercise(3)
@pytest.mark.parametrize("method, first", [("POST", (307, 308)), ("PUT", (301, 302)),
                                          ("POST", (301, 302)), ("PUT", (303,))])
def test_ex3_each_status_gets_its_method(run, program, capture, method, first):
    statuses = [random.choice(first), random.choice((307, 308)), random.choice((307, 303)),
                random.choice((301, 302, 307, 308))]
    result, requests, word, data = redirected(run, program, capture, method, statuses)
    expect, keeps_body = methods(method, statuses)
    assert result.status == 0, shown(result)
    hops = [line.split()[0] for line in result.stdout.splitlines() if " -> " in line]
    assert hops == expect, f"chain {statuses}: expected the methods {expect}{shown(result)}"
    echo = json.loads(result.stdout.splitlines()[-1])
    assert echo["method"] == expect[-1] and echo["url"] == f"http://{WWW}/anything/{word}"
    assert echo["data"] == (data if keeps_body else ""), \
        f"chain {statuses}: the last request's body was {echo['data']!r}"
    assert [r.line.split()[0] for r in requests] == expect, "the methods on the wire"
    for request, m in zip(requests, expect):
        assert (request.body == data.encode()) == (m != "GET"), \
            f"{request.line}: body {request.body!r}"


@pytest.mark.exercise(3)
def test_ex3_relative_and_to_another_host(run, program, capture):
    word, data = token(), token()
    final = f"https://{WWW}/anything/{word}"
    hop = f"redirect-to?url={quote(final, safe='')}&status_code=307"   # relative to the path
    url = f"http://{WWW_ADDRESS}/redirect-to?url={quote(hop, safe='')}&status_code=308"
    with capture(**CAPTURE) as cap:
        result = run(CLIENT, *program("redirect_client.py"), "POST", url, "--data", data)
    assert result.status == 0, shown(result)
    echo = json.loads(result.stdout.splitlines()[-1])
    assert (echo["url"], echo["method"], echo["data"]) == (final, "POST", data), \
        f"expected POST {final} with the body{shown(result)}"
    requests = sent(cap.packets, word)
    assert [(r.line.split()[0], r.headers["host"]) for r in requests] == \
        [("POST", WWW_ADDRESS)] * 2, "both hops to 10.130.1.4 on port 80, then https"


@pytest.mark.exercise(3)
def test_ex3_stops_at_the_limit(run, program, capture):
    statuses = [random.choice((301, 302, 303, 307)) for _ in range(random.randint(3, 5))]
    result, requests, _, _ = redirected(run, program, capture, "GET", statuses,
                                        "--limit", str(len(statuses)))
    assert result.status == 0 and len(requests) == len(statuses) + 1, \
        f"{len(statuses)} redirects with --limit {len(statuses)} must be followed{shown(result)}"
    result, requests, _, _ = redirected(run, program, capture, "GET", statuses,
                                        "--limit", str(len(statuses) - 1))
    clean_failure(result, f"{len(statuses)} redirects, --limit {len(statuses) - 1}", "redirects")
    assert len(requests) == len(statuses), \
        f"--limit {len(statuses) - 1}: expected {len(statuses)} requests, saw {len(requests)}"


# --- Exercise 4: a basic-auth client that keeps the password off plain HTTP -----------------

def credentials():
    """A fresh user and password whose base64 has + or / in it (where urlsafe_b64encode
    differs) and a password that stays one path segment."""
    while True:
        user, password = token(), token() + random.choice(["~", "~~", "~~~", "!~"])
        pair = f"{user}:{password}".encode()
        if base64.b64encode(pair) != base64.urlsafe_b64encode(pair):
            return user, password


def authenticate(run, program, capture, url, user, password):
    with capture(**CAPTURE) as cap:
        result = run(CLIENT, *program("safe_auth.py"), url, "--user", user,
                     stdin=password + "\n")
    return result, cap.packets


def no_password_on_port_80(packets, user, password):
    pair = f"{user}:{password}".encode()
    for client, _ in conversations(packets, HTTP).values():
        for request in requests_in(client):
            auth = request.headers.get("authorization", "")
            assert not (user in request.line and auth), \
                f"{request.line}: Authorization: {auth} sent over plain HTTP"
        assert base64.b64encode(pair) not in client and base64.urlsafe_b64encode(pair) \
            not in client, "the password crossed port 80 in clear"


@pytest.mark.exercise(4)
def test_ex4_https_verified_and_encrypted(run, program, capture):
    user, password = credentials()
    result, packets = authenticate(run, program, capture,
                                   f"https://{WWW}/basic-auth/{user}/{password}", user, password)
    assert result.status == 0, shown(result)
    assert json.loads(result.stdout.splitlines()[-1]) == {"authenticated": True, "user": user}, \
        f"httpbin did not accept the credentials{shown(result)}"
    tls = [c for c, _ in conversations(packets, HTTPS).values()
           if (records := tls_records(c)) and records[0][0] == 22
           and sni(records[0][1]) == WWW]
    assert tls, "no TLS connection to www.example.com:443 in the capture"
    for client in tls:
        assert user.encode() not in client and base64.b64encode(
            f"{user}:{password}".encode()) not in client, "the credentials in clear on 443"
    no_password_on_port_80(packets, user, password)


@pytest.mark.exercise(4)
@pytest.mark.parametrize("how", ["plain", "https in the query", "upper case"])
def test_ex4_refuses_plain_http(run, program, capture, how):
    user, password = credentials()
    url = {"plain": f"http://{WWW}/basic-auth/{user}/{password}",
           "https in the query": f"http://{WWW}/basic-auth/{user}/{password}?via=https://x",
           "upper case": f"HTTP://{WWW.upper()}/basic-auth/{user}/{password}"}[how]
    result, packets = authenticate(run, program, capture, url, user, password)
    clean_failure(result, f"{url} ({how})", "refused")
    no_password_on_port_80(packets, user, password)


@pytest.mark.exercise(4)
def test_ex4_refuses_a_redirect_to_plain_http(run, program, capture):
    user, password = credentials()
    target = quote(f"http://{WWW}/basic-auth/{user}/{password}", safe="")
    result, packets = authenticate(run, program, capture,
                                   f"https://{WWW}/redirect-to?url={target}", user, password)
    clean_failure(result, "an https URL redirected to http", "refused")
    assert re.match(r"302 https://", result.stdout), f"the first hop was not made{shown(result)}"
    no_password_on_port_80(packets, user, password)
