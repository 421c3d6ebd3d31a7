"""Grader for chapter 18: RPC. XML-RPC, JSON-RPC, RPyC and multiprocessing connections
between h1 (or h2, h4) and www, judged by what the programs print and by the requests on the
wire (captured on example, facing www): how many POSTs a batch took, what each body named,
which answers were Faults, that TLS hid the calls, that a key never crossed.

The security tests attack the servers with rpc_attack.py, whose messages only create an empty
file with a per-run name in www's /tmp when a server decodes them unsafely; the grader looks
for those files and removes them afterwards."""
import base64
import json
import random
import re

import pytest
from cryptography import x509
from cryptography.x509.oid import NameOID

from playground.certs import CERTS
from playground.engine import put_file
from playground.grading import (clean_failure, conversations, shown, tls_records, token,
                                wait_until)

# One port per test (18000-18099), so a server a test left behind never answers another.
PORT_TOUR, PORT_TLS, PORT_JSON, PORT_RPYC = 18000, 18010, 18001, 18002
PORT_PICKLE, PORT_AUTHKEY, PORT_JSON_MP, PORT_FILTERED = 18003, 18004, 18005, 18006
PORT_EX1_HONEST, PORT_EX1_ATTACK = 18020, 18021
PORT_EX2_PUBLIC, PORT_EX2_CLOSED = 18030, 18031
PORT_EX3_MANY, PORT_EX3_ONE = 18040, 18041
PORT_EX4_KEYS, PORT_EX4_ATTACK, PORT_EX4_HOLD = 18050, 18051, 18052

TOUR_BYTES = b"\x00\x01\xfeRPC"   # what xmlrpc_client.py sends to reverse_bytes
ZERO_DIVISION = "fault 1: <class 'ZeroDivisionError'>:division by zero"


# --- helpers ------------------------------------------------------------------------------

def on_wire(port):
    return f"tcp port {port}"


def http_requests(stream: bytes) -> list[tuple[bytes, bytes]]:
    """(request line, body) of each HTTP request in a client's byte stream, in order."""
    found = []
    while stream:
        head, sep, rest = stream.partition(b"\r\n\r\n")
        assert sep, f"an HTTP request without the end of its headers: {head[:80]!r}"
        length = re.search(rb"(?im)^content-length:\s*(\d+)", head)
        size = int(length.group(1)) if length else 0
        found.append((head.split(b"\r\n", 1)[0], rest[:size]))
        stream = rest[size:]
    return found


def posts(packets, port) -> list[bytes]:
    """The body of every POST that crossed the wire to port, over all connections."""
    return [body for to_server, _ in conversations(packets, port).values()
            for line, body in http_requests(to_server) if line.startswith(b"POST ")]


def method_of(body: bytes) -> str:
    match = re.search(rb"<methodName>(.*?)</methodName>", body)
    return match.group(1).decode() if match else "?"


def faults(packets, port) -> int:
    """How many XML-RPC Fault answers the server sent on port."""
    return sum(to_client.count(b"<fault>")
               for _, to_client in conversations(packets, port).values())


def www_has(run, path) -> bool:
    return run("www", "test", "-e", path).status == 0


@pytest.fixture
def marker(run):
    """A per-run path in www's /tmp for rpc_attack.py's markers; every marker is removed
    after the test, whatever it found."""
    path = f"/tmp/ch18-marker-{token()}"
    yield path
    run("www", "rm", "-f", f"{path}.pickle", f"{path}.eval", f"{path}.yaml")


def assert_no_marker(run, marker):
    __tracebackhide__ = True
    made = run("www", "find", "/tmp", "-maxdepth", "1", "-name",
               marker.rsplit("/", 1)[1] + ".*").check().stdout.split()
    assert not made, f"the server ran the attacker's code: it created {made} on www"


@pytest.fixture
def put(run):
    """put(host, path, data): a file in a host, removed after the test."""
    made = []

    def go(host, path, data: bytes):
        put_file(host, path, data)
        made.append((host, path))
        return path

    yield go
    for host in {host for host, _ in made}:
        run(host, "rm", "-f", *(path for where, path in made if where == host))


def xmlrpc_server(serve, lab_file, port):
    return serve("www", "python3", lab_file("xmlrpc_server.py"), "--port", str(port),
                 port=port)


def xmlrpc_call(run, lab_file, port, *argv, host="h1", server="www", timeout=10):
    return run(host, "python3", lab_file("xmlrpc_call.py"), server, "--port", str(port),
               *argv, timeout=timeout)


def answered(result, expected, what):
    __tracebackhide__ = True
    assert result.status == 0 and result.stdout.strip() == expected, \
        f"{what}: expected {expected}{shown(result)}"


# --- the example programs -----------------------------------------------------------------

def test_xmlrpc_tour(run, serve, lab_file, capture):
    """xmlrpc_client.py's tour prints what crossed and what did not; on the wire, one POST
    per call, the three calls of the multicall in ONE POST, and the bytes as base64."""
    word = token()
    with xmlrpc_server(serve, lab_file, PORT_TOUR):
        with capture("example", facing="www", filter=on_wire(PORT_TOUR)) as cap:
            result = run("h1", "python3", lab_file("xmlrpc_client.py"), "www",
                         "--port", str(PORT_TOUR), "--word", word)
    assert result.status == 0, shown(result)
    for line in ("add(2, 3) = 5",
                 f"multicall, one POST: [15, '{word.upper()}', True]",
                 f"divide(1, 0): {ZERO_DIVISION}",
                 "get('no such key'): fault 1: <class 'KeyError'>:'no such key'",
                 "reverse_bytes: sent bytes, got Binary b'CPR\\xfe\\x01\\x00'",
                 "describe(Point(1, 2)) = dict: {'x': 1, 'y': 2}",
                 "describe((1, 2)) = list: [1, 2]",
                 "describe(None) = NoneType: None",
                 "describe(2**40) not sent: int exceeds XML-RPC limits"):
        assert line in result.stdout.splitlines(), f"missing {line!r}{shown(result)}"
    bodies = posts(cap.packets, PORT_TOUR)
    assert [method_of(b) for b in bodies] == [
        "add", "system.listMethods", "system.methodHelp", "system.multicall", "divide",
        "get", "reverse_bytes", "describe", "describe", "describe"], \
        f"the POSTs in {cap.path} are not one per call, the multicall's three in one"
    batch = bodies[3]
    assert all(f"<string>{name}</string>".encode() in batch for name in ("add", "upper", "set")) \
        and word.encode() in batch, f"the multicall POST lacks its three calls ({cap.path})"
    assert b"<base64>\n" + base64.b64encode(TOUR_BYTES) in bodies[6], \
        f"the bytes did not travel as <base64> ({cap.path})"


def test_xmlrpc_over_tls_both_ways(run, serve, lab_file, capture):
    """The student certificate's holder may call the TLS server on www and is named in its
    log; without a certificate, the call is refused; on the wire, TLS records only."""
    cn = x509.load_pem_x509_certificate(
        (CERTS / "shared" / "client" / "student.crt").read_bytes()
    ).subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value
    key, value = token(), token()
    tls = ("python3", lab_file("xmlrpc_tls.py"), "--port", str(PORT_TLS))
    with serve("www", *tls, "server", port=PORT_TLS) as server:
        with capture("example", facing="www", filter=on_wire(PORT_TLS)) as cap:
            good = run("h1", *tls, "client", "www.example.com", key, value)
        assert good.status == 0 and f"get({key!r}) = {value!r}" in good.stdout, shown(good)
        assert f"a call from {cn} at " in server.output(), server.output()
        refused = run("h1", *tls, "client", "www.example.com", token(), token(), "--no-cert")
        clean_failure(refused, "a client without a certificate", "refused by the server")
    for to_server, to_client in conversations(cap.packets, PORT_TLS).values():
        assert tls_records(to_server) and tls_records(to_client), \
            f"a connection that is not TLS from its first byte in {cap.path}"
    assert not any(word.encode() in p.payload for p in cap.packets for word in (key, value)), \
        f"the call's key or value crossed in clear ({cap.path})"


def test_jsonrpc_body_on_the_wire(run, serve, lab_file, capture):
    """jsonrpclib's calls and errors; on the wire a JSON-RPC 2.0 request and its result."""
    word = token()
    demo = ("python3", lab_file("jsonrpc_demo.py"), "--port", str(PORT_JSON))
    with serve("www", *demo, "server", port=PORT_JSON):
        with capture("example", facing="www", filter=on_wire(PORT_JSON)) as cap:
            result = run("h1", *demo, "client", "www", word)
    assert result.status == 0, shown(result)
    assert f"upper({word!r}) = {word.upper()!r}" in result.stdout, shown(result)
    assert re.search(r"divide\(1, 0\): error -?\d+: .*ZeroDivisionError", result.stdout), \
        shown(result)
    calls = [json.loads(body) for body in posts(cap.packets, PORT_JSON)]
    upper = [c for c in calls if c.get("method") == "upper"]
    assert upper and upper[0]["params"] == [word] and upper[0]["jsonrpc"] == "2.0", \
        f"no JSON-RPC 2.0 request for upper({word!r}) in {cap.path}: {calls}"
    answers = b"".join(to_client for _, to_client in conversations(cap.packets,
                                                                   PORT_JSON).values())
    assert f'"result": "{word.upper()}"'.encode() in answers.replace(b'":"', b'": "'), \
        f"no JSON result {word.upper()!r} in {cap.path}"


def test_rpyc_reads_the_clients_file_and_calls_back(run, serve, lab_file, capture, put):
    """The server counts the words of a file that exists only on h1, line by line through
    the connection, calling the client back after each line."""
    lines = [" ".join(token() for _ in range(n)) for n in (3, 1, 4)]
    path = put("h1", f"/tmp/ch18-{token()}.txt", "\n".join(lines).encode() + b"\n")
    demo = ("python3", lab_file("rpyc_demo.py"), "--port", str(PORT_RPYC))
    with serve("www", *demo, "server", port=PORT_RPYC) as server:
        with capture("example", facing="www", filter=on_wire(PORT_RPYC)) as cap:
            result = run("h1", *demo, "client", "www", path)
        assert f"name='{path}'" in server.output(), \
            f"the server did not get the client's file object:\n{server.output()}"
    assert result.status == 0, shown(result)
    for number, total in ((1, 3), (2, 4), (3, 8)):
        assert f"after line {number}: {total} words" in result.stdout, shown(result)
    assert f"{path}: 8 words, counted on www" in result.stdout, shown(result)
    assert not www_has(run, path), f"{path} exists on www: the test proves nothing"
    from_h1 = b"".join(to_server for to_server, _ in conversations(cap.packets,
                                                                   PORT_RPYC).values())
    assert all(line.encode() in from_h1 for line in lines), \
        f"the file's lines did not cross from h1 to www ({cap.path})"


def test_unauthenticated_pickle_server_runs_the_attack(run, serve, lab_file, marker):
    """mp_rpc.py without an authkey unpickles what anyone sends: the attack's marker
    appears on www."""
    with serve("www", "python3", lab_file("mp_rpc.py"), "--port", str(PORT_PICKLE), "server",
               port=PORT_PICKLE):
        attack = run("h1", "python3", lab_file("rpc_attack.py"), "www", marker,
                     "--port", str(PORT_PICKLE), "--only", "pickle")
    assert attack.status == 0, shown(attack)
    assert www_has(run, f"{marker}.pickle"), \
        f"the pickle did not create {marker}.pickle on www{shown(attack)}"


def test_authkey_or_json_stop_the_attack(run, serve, lab_file, capture, marker):
    """With an authkey, the attacker (who has none) is refused before any unpickling, the
    challenge is on the wire and the key is not; with JSON, the pickle does not decode. Both
    still serve honest clients, and an exception comes back to the caller."""
    key = token()
    keyed = ("python3", lab_file("mp_rpc.py"), "--port", str(PORT_AUTHKEY), "--authkey", key)
    with serve("www", *keyed, "server", port=PORT_AUTHKEY) as server:
        with capture("example", facing="www", filter=on_wire(PORT_AUTHKEY)) as cap:
            run("h1", "python3", lab_file("rpc_attack.py"), "www", marker,
                "--port", str(PORT_AUTHKEY), "--only", "pickle").check()
            result = run("h1", *keyed, "client", "www", "divide", "1", "0")
        clean_failure(result, "divide(1, 0) with the authkey",
                      "the server raised ZeroDivisionError: division by zero")
        assert "refused a client" in server.output(), server.output()
    assert_no_marker(run, marker)
    replies = [to_client for _, to_client in conversations(cap.packets, PORT_AUTHKEY).values()]
    assert any(b"#CHALLENGE#" in r for r in replies), f"no challenge on the wire ({cap.path})"
    assert not any(key.encode() in p.payload for p in cap.packets), \
        f"the authkey crossed the wire ({cap.path})"

    word = token()
    plain = ("python3", lab_file("mp_rpc.py"), "--port", str(PORT_JSON_MP), "--json")
    with serve("www", *plain, "server", port=PORT_JSON_MP):
        run("h1", "python3", lab_file("rpc_attack.py"), "www", marker,
            "--port", str(PORT_JSON_MP), "--only", "pickle").check()
        result = run("h1", *plain, "client", "www", "upper", word)
        assert result.stdout.strip() == f"upper({word!r}) = {word.upper()!r}", shown(result)
        result = run("h1", *plain, "client", "www", "divide", "1", "0")
        clean_failure(result, "divide(1, 0) over JSON", "ZeroDivisionError: division by zero")
    assert_no_marker(run, marker)


def test_port_filtered_from_one_side(run, serve, lab_file, impair, capture, topology):
    """isp drops what home A sends to the RPC port (and only that): h4 in home B calls,
    h1 times out in one line; on backbone, home B's packets pass and home A's never do."""
    home_a = str(topology["modemA"].interface("wan").ip)
    home_b = str(topology["modemB"].interface("wan").ip)
    with xmlrpc_server(serve, lab_file, PORT_FILTERED), \
            impair("isp", "backbone", loss=1.0,
                   match=f"-p tcp --dport {PORT_FILTERED} -s {home_a}"), \
            capture("backbone", facing="isp", filter=on_wire(PORT_FILTERED)) as cap:
        answered(xmlrpc_call(run, lab_file, PORT_FILTERED, "add", "20", "22", host="h4"),
                 "42", "from h4 (home B)")
        # By address: by name, a dual-stack client tries www's IPv6 address next, which an
        # IPv4 rule does not filter (and the server, on IPv4 only, refuses).
        blocked = xmlrpc_call(run, lab_file, PORT_FILTERED, "add", "1", "2", "--timeout", "2",
                              server=str(topology["www"].address))
        clean_failure(blocked, "from h1 (home A), filtered at isp", "timed out")
    sources = {p.src for p in cap.packets if p.dport == PORT_FILTERED}
    assert home_b in sources and home_a not in sources, \
        f"backbone saw packets to port {PORT_FILTERED} from {sources} ({cap.path})"


# --- Exercise 1: a safe pickle-free RPC service ---------------------------------------------

def safe_server(serve, program, port):
    return serve("www", *program("safe_rpc.py"), "--port", str(port), "server", port=port)


def safe_call(run, program, port, name, *args):
    return run("h1", *program("safe_rpc.py"), "--port", str(port), "call", "www", name,
               json.dumps(list(args)))


def honest_values():
    """Per-run values of every plain kind, nested."""
    word = token()
    return [word, f"ünïcödé € {token()}", 2**70 + random.randrange(1000), -random.random(),
            None, True, False, [1, [2.5, word], []], {"k": word, "n": [None, {"deep": 3}]}]


@pytest.mark.exercise(1)
def test_ex1_honest_calls_round_trip(run, serve, program, capture):
    """Values of every plain kind come back equal; an error comes back as an error."""
    values = honest_values()
    with safe_server(serve, program, PORT_EX1_HONEST):
        with capture("example", facing="www", filter=on_wire(PORT_EX1_HONEST)) as cap:
            echoed = safe_call(run, program, PORT_EX1_HONEST, "echo", values)
        answered(echoed, repr(values), "echo of per-run values")
        word = token()
        answered(safe_call(run, program, PORT_EX1_HONEST, "upper", word), repr(word.upper()),
                 f"upper({word!r})")
        failed = safe_call(run, program, PORT_EX1_HONEST, "divide", 1, 0)
        clean_failure(failed, "divide(1, 0)", "ZeroDivisionError")
    sent = b"".join(to_server for to_server, _ in conversations(cap.packets,
                                                                PORT_EX1_HONEST).values())
    assert values[0].encode() in sent, f"the call did not cross the wire ({cap.path})"


@pytest.mark.exercise(1)
def test_ex1_attack_leaves_no_marker(run, serve, program, lab_file, capture, marker):
    """A pickle, a Python expression and a YAML document that would each create a file on
    www reach the server and create nothing; honest calls still work afterwards."""
    with safe_server(serve, program, PORT_EX1_ATTACK) as server:
        with capture("example", facing="www", filter=on_wire(PORT_EX1_ATTACK)) as cap:
            attack = run("h1", "python3", lab_file("rpc_attack.py"), "www", marker,
                         "--port", str(PORT_EX1_ATTACK))
        assert attack.status == 0, shown(attack)
        assert_no_marker(run, marker)
        word = token()
        answered(safe_call(run, program, PORT_EX1_ATTACK, "echo", word), repr(word),
                 f"an honest echo({word!r}) after the attack{server.output()}")
    sent = [to_server for to_server, _ in conversations(cap.packets, PORT_EX1_ATTACK).values()]
    for kind in ("pickle", "eval", "yaml"):
        assert any(f"{marker}.{kind}".encode() in s for s in sent), \
            f"the {kind} message never reached the server ({cap.path}): the test proves nothing"


# --- Exercise 2: an XML-RPC server that exposes only its public methods ---------------------

PUBLIC = ["add", "read", "system.listMethods", "system.methodHelp", "system.methodSignature",
          "system.multicall", "titles"]


def notebook(serve, program, port):
    return serve("www", *program("public_server.py"), "--port", str(port), port=port)


@pytest.mark.exercise(2)
def test_ex2_public_api_listed_and_working(run, serve, program, lab_file):
    """add/read/titles work with per-run notes, system.listMethods lists exactly the public
    API, methodHelp gives the docstring, and system.multicall answers."""
    title, text = token(), f"note {token()}"
    with notebook(serve, program, PORT_EX2_PUBLIC):
        def call(*argv):
            return xmlrpc_call(run, lab_file, PORT_EX2_PUBLIC, *argv)
        answered(call("add", title, text), "1", f"add({title!r}, {text!r})")
        answered(call("read", title), repr(text), f"read({title!r})")
        answered(call("system.listMethods"), repr(PUBLIC), "system.listMethods()")
        answered(call("system.methodHelp", "add"),
                 repr("Store text under title; return how many notes there are now."),
                 "system.methodHelp('add')")
        batch = json.dumps([{"methodName": "titles", "params": []},
                            {"methodName": "read", "params": [title]}])
        answered(call("system.multicall", batch), repr([[[title]], [text]]),
                 "system.multicall of titles() and read()")


@pytest.mark.exercise(2)
def test_ex2_private_and_dotted_names_refused(run, serve, program, lab_file, capture):
    """Underscore methods and dotted names reach the server and get Faults; the note is
    still there afterwards."""
    title, text = token(), f"note {token()}"
    closed = ["_reset", "archive.wipe", "notes.clear", "add.__func__", "__init__", "wipe",
              "_dispatch"]
    with notebook(serve, program, PORT_EX2_CLOSED):
        answered(xmlrpc_call(run, lab_file, PORT_EX2_CLOSED, "add", title, text), "1",
                 f"add({title!r}, {text!r})")
        with capture("example", facing="www", filter=on_wire(PORT_EX2_CLOSED)) as cap:
            for name in closed:
                result = xmlrpc_call(run, lab_file, PORT_EX2_CLOSED, name)
                clean_failure(result, f"a call of {name}()", "fault")
        answered(xmlrpc_call(run, lab_file, PORT_EX2_CLOSED, "titles"), repr([title]),
                 "titles() after the refused calls")
    assert [method_of(b) for b in posts(cap.packets, PORT_EX2_CLOSED)] == closed, \
        f"the refused calls did not all cross the wire ({cap.path})"
    assert faults(cap.packets, PORT_EX2_CLOSED) == len(closed), \
        f"expected {len(closed)} Fault answers in {cap.path}"


# --- Exercise 3: a multicall client that batches N calls into one POST ---------------------

def batch(serve, run, program, lab_file, capture, port, calls):
    """Run batch_client.py with calls (a list of lines) against xmlrpc_server.py; return
    its result and the bodies of the POSTs it sent."""
    with xmlrpc_server(serve, lab_file, port):
        with capture("example", facing="www", filter=on_wire(port)) as cap:
            result = run("h1", *program("batch_client.py"), "www", "--port", str(port),
                         stdin="".join(line + "\n" for line in calls))
    return result, posts(cap.packets, port), cap.path


@pytest.mark.exercise(3)
def test_ex3_one_post_for_all_calls(run, serve, program, lab_file, capture):
    """Per-run calls, two of them failing in the middle: one POST of system.multicall
    carrying every call, and one line per call, in order, Faults in their place."""
    words = [token() for _ in range(3)]
    a, b, c = (random.randrange(10**6) for _ in range(3))
    missing = token()
    calls = [(f"upper {words[0]}", f"= {words[0].upper()!r}"),
             (f"add {a} {b}", f"= {a + b}"),
             (f"divide {c} 0", ZERO_DIVISION),
             (f"echo {words[1]}", f"= {words[1]!r}"),
             (f"get {missing}", f"fault 1: <class 'KeyError'>:{missing!r}"),
             (f"add {b} {c}", f"= {b + c}"),
             (f"upper {words[2]}", f"= {words[2].upper()!r}")]
    result, bodies, path = batch(serve, run, program, lab_file, capture, PORT_EX3_MANY,
                                 [line for line, _ in calls])
    expected = "\n".join(f"{n}: {out}" for n, (_, out) in enumerate(calls, 1))
    assert result.status == 0 and result.stdout.strip() == expected, \
        f"expected:\n{expected}{shown(result)}"
    assert [method_of(body) for body in bodies] == ["system.multicall"], \
        f"{len(calls)} calls took {len(bodies)} POSTs ({[method_of(x) for x in bodies]}), " \
        f"not one system.multicall ({path})"
    assert bodies[0].count(b"<name>methodName</name>") == len(calls) and \
        all(w.encode() in bodies[0] for w in words), f"the POST lacks calls ({path})"


@pytest.mark.exercise(3)
def test_ex3_a_single_failing_call(run, serve, program, lab_file, capture):
    """One call that fails: one POST, and its Fault printed."""
    missing = token()
    result, bodies, path = batch(serve, run, program, lab_file, capture, PORT_EX3_ONE,
                                 [f"get {missing}"])
    expected = f"1: fault 1: <class 'KeyError'>:{missing!r}"
    assert result.status == 0 and result.stdout.strip() == expected, \
        f"expected {expected!r}{shown(result)}"
    assert [method_of(body) for body in bodies] == ["system.multicall"], \
        f"expected one system.multicall POST in {path}"


# --- Exercise 4: a multiprocessing.connection service with authkey --------------------------

@pytest.fixture
def keys(put):
    """(the right key file, a wrong key file), the same paths in www, h1 and h2."""
    right, wrong = f"/tmp/ch18-{token()}.key", f"/tmp/ch18-{token()}.key"
    secret = token().encode()
    for host in ("www", "h1", "h2"):
        put(host, right, secret + b"\n")
        put(host, wrong, b"not-" + secret + b"\n")
    return right, wrong


def mp_server(serve, program, port, key_file):
    return serve("www", *program("mp_service.py"), "--port", str(port), "--key-file",
                 key_file, "server", port=port)


def mp_call(run, program, port, key_file, *argv, host="h1", timeout=6):
    return run(host, *program("mp_service.py"), "--port", str(port), "--key-file", key_file,
               "call", "www", *argv, timeout=timeout)


@pytest.mark.exercise(4)
def test_ex4_right_key_served_wrong_key_refused(run, serve, program, capture, keys):
    """The right key gets answers and the server's exceptions; a wrong key is refused and
    the server goes on. On the wire: a challenge, and never the key."""
    right, wrong = keys
    word = token()
    with mp_server(serve, program, PORT_EX4_KEYS, right):
        with capture("example", facing="www", filter=on_wire(PORT_EX4_KEYS)) as cap:
            answered(mp_call(run, program, PORT_EX4_KEYS, right, "upper", word),
                     f"upper({word!r}) = {word.upper()!r}", "with the right key")
            failed = mp_call(run, program, PORT_EX4_KEYS, right, "divide", "7", "0")
            clean_failure(failed, "divide(7, 0)", "ZeroDivisionError", "division by zero")
            refused = mp_call(run, program, PORT_EX4_KEYS, wrong, "upper", word)
            clean_failure(refused, "a client with a wrong key", "refused")
            answered(mp_call(run, program, PORT_EX4_KEYS, right, "add", "2", "3"),
                     "add(2, 3) = 5", "with the right key, after a wrong one")
    secret = run("www", "cat", right).check().stdout.strip().encode()
    assert not any(secret in p.payload for p in cap.packets), \
        f"the key crossed the wire ({cap.path})"
    replies = [to_client for _, to_client in conversations(cap.packets, PORT_EX4_KEYS).values()]
    assert sum(b"#CHALLENGE#" in r for r in replies) == 4, \
        f"expected a challenge on each of the 4 connections ({cap.path})"


HANG_UP = "import socket, sys; socket.create_connection((sys.argv[1], int(sys.argv[2]))).close()"


@pytest.mark.exercise(4)
def test_ex4_pickle_without_key_runs_nothing(run, serve, program, lab_file, marker, keys):
    """The attacker's pickle, sent with no key, creates no marker; a client that hangs up
    before answering the challenge is no more than a refused one; the server goes on."""
    right, _ = keys
    with mp_server(serve, program, PORT_EX4_ATTACK, right):
        run("h1", "python3", lab_file("rpc_attack.py"), "www", marker,
            "--port", str(PORT_EX4_ATTACK), "--only", "pickle").check()
        assert_no_marker(run, marker)
        run("h1", "python3", "-c", HANG_UP, "www", str(PORT_EX4_ATTACK)).check()
        answered(mp_call(run, program, PORT_EX4_ATTACK, right, "add", "2", "40"),
                 "add(2, 40) = 42", "an honest call after the attack and the hang-up")


@pytest.mark.exercise(4)
def test_ex4_an_open_connection_keeps_no_one_waiting(run, serve, program, background, keys):
    """While h2 keeps an authenticated connection open, h1's call is answered at once."""
    right, _ = keys
    word = token()
    with mp_server(serve, program, PORT_EX4_HOLD, right):
        with background("h2", *program("mp_service.py"), "--port", str(PORT_EX4_HOLD),
                        "--key-file", right, "call", "www", "echo", word,
                        "--hold", "10") as holder:
            wait_until(lambda: f"echo({word!r}) = {word!r}" in holder.output(), 10,
                       f"h2's first call was answered:\n{holder.output()}")
            answered(mp_call(run, program, PORT_EX4_HOLD, right, "add", "1", "2", timeout=4),
                     "add(1, 2) = 3", "h1's call while h2 holds a connection")
