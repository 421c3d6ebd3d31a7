"""Grader for chapter 1: the same request at several layers, names, encodings, ipaddress."""
import ipaddress
import json
import random
import urllib.parse

import pytest

from playground.grading import (clean_failure, conversations, handshake, shown, stream, tcp,
                                token, variant)

PLACES = ["Tokyo Tower", "eiffel tower paris", "Sydney Opera House", "Atlantis"]
RELAY_PORT = 1080
AWKWARD_PORT = 1081
DNS_QNAME = b"\x03www\x07example\x03com\x00"   # www.example.com in DNS wire format


def target(place):
    """The request target for place, as the README says to send it (spaces become '+')."""
    return "/geocode/json?" + urllib.parse.urlencode({"address": place})


def api_answer(run, place):
    """lat, lng of the first result according to curl, which the clients must agree with."""
    url = "http://www.example.com" + target(place)
    answer = json.loads(run("h1", "curl", "-sf", url).check().stdout)
    if answer["status"] != "OK":
        return "no results"
    loc = answer["results"][0]["geometry"]["location"]
    return f"{loc['lat']}, {loc['lng']}"


def geocode(run, argv, place, *options):
    """What the geocoding program argv (a list) prints for place, which must succeed."""
    result = run("h1", *argv, *options, *place.split())
    assert result.status == 0 and not result.timed_out, \
        f"{argv[-1]} {' '.join(options)} {place!r} failed{shown(result)}"
    return result.stdout.strip()


# --- the example programs ---------------------------------------------------------------

def test_layers_agree_with_the_api(run, lab_file):
    for place in PLACES:
        expected = api_answer(run, place)
        for name in ("geocode_requests.py", "geocode_httpclient.py"):
            assert geocode(run, ["python3", lab_file(name)], place) == expected, (name, place)


def test_request_on_the_wire(run, lab_file, capture, topology):
    """DNS query, handshake and the HTTP request line in clear, seen on isp towards modemA."""
    modem = str(topology["modemA"].interface("wan").ip)
    www = str(topology["www"].address)
    dns = str(topology.dns_server.address)
    with capture("isp", facing="modemA", filter="udp port 53 or tcp port 80") as cap:
        geocode(run, ["python3", lab_file("geocode_requests.py")], "Tokyo Tower")
    queries = [p for p in cap.packets if p.proto == "udp" and p.dport == 53
               and p.src == modem and p.dst == dns and DNS_QNAME in p.payload.lower()]
    assert queries, f"no DNS query for www.example.com from {modem} to {dns} in {cap.path}"
    handshake(cap.packets, modem, www, 80)
    request = stream(cap.packets, modem, 80)
    assert request.startswith(b"GET /geocode/json?address=Tokyo+Tower HTTP/1.1\r\n"), \
        f"no HTTP request line in clear in {cap.path}: {request[:80]!r}"


def test_relay_answers_chunked(run, serve, lab_file, capture):
    with serve("www", "python3", lab_file("geocode_relay.py"), port=RELAY_PORT):
        with capture("example", facing="www", filter=f"tcp port {RELAY_PORT}") as cap:
            relayed = geocode(run, ["python3", lab_file("geocode_httpclient.py")],
                              "Tokyo Tower", "--port", str(RELAY_PORT))
    assert relayed == api_answer(run, "Tokyo Tower")
    answer = b"".join(p.payload for p in cap.packets if p.sport == RELAY_PORT)
    assert b"Transfer-Encoding: chunked" in answer, f"no chunked answer in {cap.path}"


def test_resolve_finds_www(run, lab_file, topology, capture):
    www = str(topology["www"].address)
    with capture("isp", facing="modemA", filter="udp port 53") as cap:
        result = run("h1", "python3", lab_file("resolve.py"), "www.example.com").check()
    assert f"gethostbyname: {www}" in result.stdout
    assert f"AF_INET SOCK_STREAM {www} port 80" in result.stdout
    assert any(DNS_QNAME in p.payload.lower() for p in cap.packets if p.dport == 53), \
        f"no DNS query on the wire in {cap.path}"
    bad = run("h1", "python3", lab_file("resolve.py"), "no-such-host.example.com")
    clean_failure(bad, "an unknown name", "cannot resolve")


def test_encodings(run, lab_file):
    text = "Grüße → 東京"
    out = run("h1", "python3", lab_file("encodings_demo.py"), text).check().stdout
    for name in ("utf-8", "utf-16-le"):
        data = text.encode(name)
        assert f"{name}: {len(data)} bytes {data.hex(' ')}" in out, name
    assert "latin-1: cannot encode '→'" in out and "ascii: cannot encode 'ü'" in out
    mojibake = run("h1", "python3", lab_file("encodings_demo.py"), "--decode",
                   "c3bc", "--encoding", "latin-1").check().stdout
    assert mojibake.strip() == f"latin-1: {'ü'.encode().decode('latin-1')!r}"
    bad = run("h1", "python3", lab_file("encodings_demo.py"), "--decode", "fc")
    clean_failure(bad, "bytes that are not UTF-8", "not valid utf-8")


def test_subnets(run, lab_file, topology):
    lan = topology["h1"].interfaces[0].address.network
    www = topology["www"].address
    out = run("h1", "python3", lab_file("subnets.py"), str(lan), "--split", "26",
              "--member", str(topology["h2"].address), str(www)).check().stdout
    assert f"broadcast: {lan.broadcast_address}" in out
    for subnet in lan.subnets(new_prefix=26):
        assert f"subnet {subnet}:" in out
    assert f"{topology['h2'].address} in {lan}" in out and f"{www} not in {lan}" in out
    bad = run("h1", "python3", lab_file("subnets.py"), f"{topology['h1'].address}/24")
    clean_failure(bad, "a network with host bits set", "host bits set")


# --- Exercise 1: HTTP by hand over a raw socket ---------------------------------------------

# geocode_awkward.py's framings: what the server sends, and the word a right client's one-line
# error must hold (None: the client must print the place the server made up).
AWKWARD = {
    "extra": ("Content-Length, then bytes past the body", None),
    "blank": ("a JSON body holding CRLF CRLF", None),
    "case": ("`content-LENGTH:N` (other case, no space), then bytes past the body", None),
    "chunked": ("`Chunked`, upper-case hex sizes, ;extensions, CRLF inside chunks", None),
    "short": ("a Content-Length 40 bytes longer than the body before the server closes",
              "malformed"),
    "shortchunk": ("a chunk 40 bytes longer than what arrives before the server closes",
                   "malformed"),
    "status": ("status 503 with a well-formed place in the body", "503"),
}


def check_request(raw, path, host):
    """The request is what the README asks for: CRLF lines, the request line, one Host
    header, Connection: close, a blank line and nothing after it."""
    __tracebackhide__ = True
    what = f"the request {raw!r}"
    assert raw.endswith(b"\r\n\r\n") and raw.count(b"\r\n\r\n") == 1, \
        f"{what} must end with one blank line (CRLF CRLF) and send nothing after it"
    lines = raw[:-4].split(b"\r\n")
    assert not any(b"\n" in line or b"\r" in line for line in lines), \
        f"{what} must end every line with CRLF"
    assert lines[0] == f"GET {path} HTTP/1.1".encode(), \
        f"{what} must start with the request line 'GET {path} HTTP/1.1'"
    fields = [line.decode("latin-1").partition(":") for line in lines[1:]]
    headers = [(name.strip().lower(), value.strip()) for name, _, value in fields]
    assert [v for n, v in headers if n == "host"] == [host], f"{what} needs 'Host: {host}'"
    assert ("connection", "close") in [(n, v.lower()) for n, v in headers], \
        f"{what} needs 'Connection: close'"


@pytest.mark.exercise(1)
def test_socket_client_agrees_with_the_api(run, program, capture, topology):
    """Each place as curl sees it; on the wire, one right request per run, and the server
    closing first (it was asked to)."""
    www = str(topology["www"].address)
    expected = {place: api_answer(run, place) for place in PLACES}
    with capture("isp", facing="modemA", filter="tcp port 80") as cap:
        for place in PLACES:
            assert geocode(run, program("geocode_socket.py"), place) == expected[place], place
    sent = [(port, request) for port, (request, _) in conversations(cap.packets, 80).items()]
    for place in PLACES:
        mine = [(port, request) for port, request in sent
                if request.startswith(f"GET {target(place)} ".encode())]
        assert len(mine) == 1, \
            f"{len(mine)} requests for {place!r} to {www}:80, not one, in {cap.path}"
        port, request = mine[0]
        check_request(request, target(place), "www.example.com")
        fins = [p for p in tcp(cap.packets, 80) if "F" in p.flags and port in (p.sport, p.dport)]
        assert fins and fins[0].src == www, \
            f"for {place!r} the server did not close first in {cap.path}"


# Each student's client asks the chunked relay for a landmark of its own (grading.variant), so
# one student's printed coordinates do not stand in for another's.
LANDMARKS = ["Golden Gate Bridge", "Brandenburg Gate", "Colosseum Rome", "Taj Mahal",
             "Table Mountain", "Statue of Liberty", "Christ the Redeemer"]


@pytest.mark.exercise(1)
def test_socket_client_reads_chunked(run, serve, program, lab_file, student):
    landmark = variant(student, "landmark through the relay", LANDMARKS)
    with serve("www", "python3", lab_file("geocode_relay.py"), port=RELAY_PORT):
        for place in (landmark, "Atlantis"):
            got = geocode(run, program("geocode_socket.py"), place, "--port", str(RELAY_PORT))
            assert got == api_answer(run, place), f"{place!r} through the chunked relay"


@pytest.mark.exercise(1)
def test_socket_client_reads_awkward_servers(run, serve, program, lab_file):
    """A server that makes up each place (no table knows it) and frames its answers in legal
    but awkward ways, or breaks them: the client reads the first right, refuses the second in
    one line, and sends one right request per run (it does not ask anyone else)."""
    port = ["--port", str(AWKWARD_PORT)]
    tokens = {framing: token() for framing in AWKWARD}
    with serve("www", "python3", lab_file("geocode_awkward.py"), port=AWKWARD_PORT) as server:
        results = {f: run("h1", *program("geocode_socket.py"), *port, f, tokens[f])
                   for f in AWKWARD}
        log = [json.loads(line) for line in server.output().splitlines() if line.startswith("{")]
    for framing, (what, refusal) in AWKWARD.items():
        asked = [entry for entry in log if entry["token"] == tokens[framing]]
        result, what = results[framing], f"a server sending {what}"
        assert len(asked) == 1, \
            f"{what}: the client asked {len(asked)} times, not once{shown(result)}"
        check_request(asked[0]["request"].encode("latin-1"),
                      target(f"{framing} {tokens[framing]}"), f"www.example.com:{AWKWARD_PORT}")
        if refusal:
            clean_failure(result, what, refusal)
        else:
            assert result.status == 0 and result.stdout.strip() == asked[0]["prints"], \
                f"{what}: expected '{asked[0]['prints']}'{shown(result)}"


# --- Exercise 2: on-link or via the gateway -----------------------------------------------

def route_check(run, program, host, interface, gateway, destinations):
    """{destination: answer} that route_check.py prints on host, which must succeed."""
    result = run(host, *program("route_check.py"), str(interface), str(gateway),
                 *map(str, destinations))
    assert result.status == 0, f"route_check.py {interface} {gateway} failed{shown(result)}"
    lines = result.stdout.strip().splitlines()
    assert all(len(line.split(" ", 1)) == 2 for line in lines), \
        f"expected lines 'DESTINATION ANSWER'{shown(result)}"
    return dict(line.split(" ", 1) for line in lines)


def kernel_route(line):
    """local, on-link or via GATEWAY, from the first line of `ip route get`."""
    words = line.split()
    if words[0] == "local":
        return "local"
    return f"via {words[words.index('via') + 1]}" if "via" in words else "on-link"


def kernel_routes(run, host, destinations):
    """What the host's kernel says for each destination (one exec for all of them)."""
    script = "for d in " + " ".join(destinations) + "; do ip route get $d | head -1; done"
    lines = run(host, "sh", "-c", script).check().stdout.splitlines()
    assert len(lines) == len(destinations), f"ip route get on {host} said {lines}"
    return {d: kernel_route(line) for d, line in zip(destinations, lines)}


def other_loopback():
    """A loopback address other than 127.0.0.1: all of 127.0.0.0/8 is the host itself."""
    return str(ipaddress.IPv4Address("127.0.0.0") + random.randrange(2, 2**24 - 1))


@pytest.mark.exercise(2)
@pytest.mark.parametrize("host", ["h1", "www"])
def test_route_check_agrees_with_the_kernel(run, program, topology, host):
    me = topology[host]
    iface = me.interfaces[0].address
    gateway = str(me.routes["default"])
    others = [str(h.address) for h in topology.hosts.values()]
    destinations = sorted(set(others + [str(iface.network.broadcast_address), "127.0.0.1",
                                        other_loopback(),
                                        str(iface.network.network_address + 200)]))
    answers = route_check(run, program, host, iface, gateway, destinations)
    kernel = kernel_routes(run, host, destinations)
    for destination in destinations:
        assert answers.get(destination) == kernel[destination], \
            f"{destination} from {host} ({iface}, gateway {gateway}): the kernel says " \
            f"{kernel[destination]!r}, route_check.py {answers.get(destination)!r}"


def made_up_interface(prefix):
    """A random address and subnet of that prefix in 172.16.0.0/12, which no lab host uses."""
    address = ipaddress.IPv4Address("172.16.0.0") + random.randrange(2**20)
    network = ipaddress.IPv4Network(f"{address}/{prefix}", strict=False)
    hosts = random.sample(range(1, network.num_addresses - 1), 3)
    me, gateway, other = (network.network_address + n for n in hosts)
    return ipaddress.IPv4Interface(f"{me}/{prefix}"), gateway, other


def expected_routes(interface, gateway, other):
    """Destinations whose answer follows from the rule alone, on and off the given subnet,
    among them addresses whose first three octets mislead: same /24 but another subnet, or
    the same subnet but another /24."""
    net, own24 = interface.network, ipaddress.IPv4Network(f"{interface.ip}/24", strict=False)
    near = [a for a in (own24.network_address, own24.broadcast_address) if a not in net]
    far_in = [a for a in (own24.network_address - 256, own24.network_address + 256)
              if a in net]
    routes = {interface.ip: "local", ipaddress.IPv4Address(other_loopback()): "local",
              other: "on-link", gateway: "on-link", net.network_address: "on-link",
              net.broadcast_address: "on-link", net.broadcast_address + 1: f"via {gateway}",
              net.network_address - 1: f"via {gateway}"}
    routes.update({a: f"via {gateway}" for a in near})     # same /24, other subnet
    routes.update({a: "on-link" for a in far_in})         # same subnet, other /24
    return {str(a): answer for a, answer in routes.items()}


@pytest.mark.exercise(2)
@pytest.mark.parametrize("prefixes", [range(16, 24), range(25, 30)],
                         ids=["shorter than 24", "longer than 24"])
def test_route_check_follows_its_arguments(run, program, prefixes):
    """A made-up interface and gateway, not h1's own: the answer follows from the arguments,
    whatever the host's routing table says."""
    interface, gateway, other = made_up_interface(random.choice(prefixes))
    expected = expected_routes(interface, gateway, other)
    answers = route_check(run, program, "h1", interface, gateway, list(expected))
    for destination, answer in expected.items():
        assert answers.get(destination) == answer, \
            f"{destination} from {interface} (gateway {gateway}): expected {answer!r}, " \
            f"route_check.py said {answers.get(destination)!r}"


@pytest.mark.exercise(2)
@pytest.mark.parametrize("where", ["off the subnet", "the host itself"])
def test_route_check_refuses_an_unusable_gateway(run, program, topology, where):
    """Refused whatever the destinations: here all local or on-link, so no answer is printed."""
    iface = topology["h1"].interfaces[0].address
    gateway = topology["www"].address if where == "off the subnet" else iface.ip
    destinations = [str(iface.ip), str(topology["h2"].address)]
    result = run("h1", *program("route_check.py"), str(iface), str(gateway), *destinations)
    clean_failure(result, f"gateway {gateway} ({where}) for {iface}", str(gateway))
    assert not result.stdout.strip(), \
        f"an unusable gateway must be refused before any answer{shown(result)}"
