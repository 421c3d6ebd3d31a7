"""Grader for chapter 1: the same request at several layers, names, encodings, ipaddress."""
import json
import urllib.parse

import pytest

from playground.grading import clean_failure, failure, handshake, stream

PLACES = ["Tokyo Tower", "eiffel tower paris", "Sydney Opera House", "Atlantis"]
RELAY_PORT = 1080
DNS_QNAME = b"\x03www\x07example\x03com\x00"   # www.example.com in DNS wire format


def api_answer(run, place):
    """lat, lng of the first result according to curl, which the clients must agree with."""
    url = "http://www.example.com/geocode/json?" + urllib.parse.urlencode({"address": place})
    answer = json.loads(run("h1", "curl", "-sf", url).check().stdout)
    if answer["status"] != "OK":
        return "no results"
    loc = answer["results"][0]["geometry"]["location"]
    return f"{loc['lat']}, {loc['lng']}"


def geocode(run, argv, place, *options):
    """What the geocoding program argv (a list) prints for place, which must succeed."""
    result = run("h1", *argv, *options, *place.split())
    assert result.status == 0, f"{argv[-1]} {place!r} failed: {failure(result)}"
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

@pytest.mark.exercise(1)
def test_socket_client_agrees_with_the_api(run, program, capture, topology):
    www = str(topology["www"].address)
    with capture("isp", facing="modemA", filter="tcp port 80") as cap:
        for place in PLACES:
            got = geocode(run, program("geocode_socket.py"), place)
            assert got == api_answer(run, place), place
    requests = [p.payload for p in cap.packets if p.dst == www and p.payload]
    mine = [r for r in requests if b"Connection: close" in r]
    assert mine, f"no request with 'Connection: close' to {www} in {cap.path}"
    head = mine[0].split(b"\r\n")
    assert head[0].startswith(b"GET /geocode/json?address=") and head[0].endswith(b" HTTP/1.1")
    assert b"Host: www.example.com" in head, f"no Host header in {mine[0]!r}"
    # The server closed first because we asked it to: its FIN precedes ours.
    fins = [p for p in cap.packets if "F" in p.flags]
    assert fins and fins[0].src == www, f"the server did not close first in {cap.path}"


@pytest.mark.exercise(1)
def test_socket_client_reads_chunked(run, serve, program, lab_file):
    with serve("www", "python3", lab_file("geocode_relay.py"), port=RELAY_PORT):
        for place in ("Golden Gate Bridge", "Atlantis"):
            got = geocode(run, program("geocode_socket.py"), place, "--port", str(RELAY_PORT))
            assert got == api_answer(run, place), f"{place!r} through the chunked relay"


# --- Exercise 2: on-link or via the gateway -----------------------------------------------

def kernel_route(run, host, destination):
    """What `ip route get` on the host says: local, on-link or via GATEWAY."""
    words = run(host, "ip", "route", "get", destination).check().stdout.split()
    if words[0] == "local":
        return "local"
    return f"via {words[words.index('via') + 1]}" if "via" in words else "on-link"


@pytest.mark.exercise(2)
@pytest.mark.parametrize("host", ["h1", "www"])
def test_route_check_agrees_with_the_kernel(run, program, topology, host):
    me = topology[host]
    iface = me.interfaces[0].address
    gateway = str(me.routes["default"])
    others = [str(h.address) for h in topology.hosts.values()]
    destinations = sorted(set(others + [str(iface.network.broadcast_address), "127.0.0.1",
                                        str(iface.network.network_address + 200)]))
    result = run(host, *program("route_check.py"), str(iface), gateway, *destinations)
    assert result.status == 0, failure(result)
    answers = dict(line.split(" ", 1) for line in result.stdout.strip().splitlines())
    for destination in destinations:
        assert answers.get(destination) == kernel_route(run, host, destination), \
            f"{destination} from {host} ({iface}, gateway {gateway})"


@pytest.mark.exercise(2)
def test_route_check_refuses_an_off_link_gateway(run, program, topology):
    iface = str(topology["h1"].interfaces[0].address)
    gateway = str(topology["www"].address)   # not on h1's subnet: no way to hand it packets
    result = run("h1", *program("route_check.py"), iface, gateway, "10.1.1.1")
    clean_failure(result, f"gateway {gateway} off {iface}'s subnet", gateway)
