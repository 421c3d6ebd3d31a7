"""Grader for ch04 (names and DNS): program output against the zone that compose.yaml declares,
and the queries on the wire between isp and backbone (the lab DNS)."""
import ipaddress
import random
import re
import shlex
import time

import dpkt
import pytest

from playground.grading import clean_failure, shown, token, wait_until
from playground.run import TIMED_OUT, Result

QTYPE = {"A": 1, "NS": 2, "CNAME": 5, "SOA": 6, "PTR": 12, "MX": 15, "TXT": 16, "AAAA": 28}
NXDOMAIN = 3
RELAY_PORT = 4053   # truncating_relay.py
ZONE_PORT = 4054    # zone_server.py, on ZONE_HOST
ZONE_HOST = "www"
CALLER_PORT = 4090  # caller.py
IPV4_ONLY_PORT = 4080   # exercise 3: a server on www that IPv6 callers find refused
SNIFF_PORT = 4095   # exercise 4: the datagrams h1 sends past the sniffer


# --- what the zone should hold, derived from compose.yaml -------------------------------------

def zone_records(topology):
    """(owner, type, rdata) of the extra records in x-playground.zone, e.g. ('example.com.',
    'MX', '10 mail.example.com.')."""
    out = []
    for line in topology.zone.records:
        owner, _cls, rtype, rdata = line.split(None, 3)
        out.append((owner, rtype, rdata))
    return out


def records(topology, owner, rtype):
    return [rdata for o, t, rdata in zone_records(topology) if o == owner and t == rtype]


def address_of(topology, name):
    """The A record the zone has for a fully qualified name (with trailing dot)."""
    extra = records(topology, name, "A")
    if extra:
        return extra[0]
    for host in topology.hosts.values():
        if host.fqdn + "." == name:
            return str(host.address)
    raise KeyError(name)


def reverse_names(topology):
    """{address: PTR name} for every lab address, as the zone generator assigns them."""
    declared = {str(a): n + "." for n, a in topology.zone.names.items()}
    names = {}
    for host in topology.hosts.values():
        for iface in host.interfaces:
            names[str(iface.ip)] = declared.get(str(iface.ip), host.fqdn + ".")
    return names


def dns_server(topology):
    return str(topology.dns_server.address)


def client_nat(topology):
    """Where home A's queries come from once past modemA."""
    return str(topology["modemA"].interface("wan").ip)


# --- what crossed the wire --------------------------------------------------------------------

def dns_messages(packets):
    """(packet, dpkt DNS message) for every DNS message in UDP payloads (TCP: after the
    2-byte length prefix, one message per segment is enough for these small answers)."""
    out = []
    for p in packets:
        data = p.payload[2:] if p.proto == "tcp" else p.payload
        if len(data) < 12:
            continue
        try:
            out.append((p, dpkt.dns.DNS(data)))
        except (dpkt.UnpackError, IndexError):
            continue
    return out


def queries(cap, qname, qtype, src=None):
    """The queries for (qname, qtype) seen in a capture (qname without trailing dot)."""
    return [(p, m) for p, m in dns_messages(cap.packets)
            if m.qr == dpkt.dns.DNS_Q and m.qd and m.qd[0].name.lower() == qname.lower()
            and m.qd[0].type == QTYPE[qtype] and (src is None or p.src == src)]


def answers(cap, qname, qtype):
    return [(p, m) for p, m in dns_messages(cap.packets)
            if m.qr == dpkt.dns.DNS_R and m.qd and m.qd[0].name.lower() == qname.lower()
            and m.qd[0].type == QTYPE[qtype]]


def assert_queried(cap, topology, qname, qtype, proto="udp"):
    __tracebackhide__ = True
    seen = [p for p, _ in queries(cap, qname, qtype, src=client_nat(topology))
            if p.dst == dns_server(topology) and p.dport == 53 and p.proto == proto]
    assert seen, (f"no {qtype} query for {qname!r} over {proto.upper()}/53 from "
                  f"{client_nat(topology)} to {dns_server(topology)} crossed isp->backbone; "
                  f"the capture held: {[str(p) for p in cap.packets][:10]}")


def succeeded(result, what):
    """The program finished in time with status 0."""
    __tracebackhide__ = True
    assert result.status == 0 and not result.timed_out, f"{what}: it should succeed{shown(result)}"


def target_lines(stdout):
    """The `PREFERENCE HOST ADDRESS...` lines of mail_route.py."""
    return [(int(m[1]), m[2].lower(), m[3].split())
            for m in re.finditer(r"^(\d+) (\S+) ((?:\d+\.\d+\.\d+\.\d+ ?)+)$", stdout, re.M)]


def unknown_name():
    return f"no-such-{token()}.example.com"


# --- a zone of our own: zone_server.py answers what the lab's BIND never would -------------

def own_zone(serve, lab_file, records, drop=()):
    """zone_server.py on ZONE_HOST serving records in the order given, never answering the
    questions in drop; a context manager yielding its Server."""
    options = [arg for question in drop for arg in ("--drop", question)]
    return serve(ZONE_HOST, "python3", lab_file("zone_server.py"), "--port", str(ZONE_PORT),
                 *options, *records, port=ZONE_PORT, proto="udp")


def asked(server):
    """The (name, TYPE) questions zone_server.py has received."""
    return {(m[1].lower(), m[2]) for m in
            re.finditer(r"^\S+ asked (\S+) (\S+): ", server.output(), re.M)}


def fresh_net():
    """The first three bytes of addresses no other run uses, e.g. 10.213.7"""
    return f"10.{random.randrange(200, 250)}.{random.randrange(256)}"


def zone_server_options(topology):
    """The options that point an exercise's program at zone_server.py."""
    return ["--server", str(topology[ZONE_HOST].address), "--port", str(ZONE_PORT)]


def run_all(run, host, argv, *arguments, timeout=20):
    """Run argv with each tuple of arguments in turn on host, all in one exec (each exec costs
    a start of its own); a Result for each run."""
    mark = token()
    script = "".join(f"timeout {timeout} {shlex.join([*argv, *args])}; "
                     f'printf "\\n{mark} %s\\n" $?; printf "\\n{mark}\\n" >&2; '
                     for args in arguments)
    both = run(host, "sh", "-c", script, timeout=timeout * len(arguments) + 5)
    outs = re.split(rf"\n{mark} (\d+)\n", both.stdout)
    errs = both.stderr.split(f"\n{mark}\n")
    assert len(outs) == 2 * len(arguments) + 1 and not both.timed_out, \
        f"the runs of {shlex.join(argv)} did not all finish{shown(both)}"
    return [Result(int(status), out, err, int(status) == TIMED_OUT)
            for out, status, err in zip(outs[0::2], outs[1::2], errs)]


def indented(items):
    return "".join(f"\n    {item}" for item in items)


# --- example programs -------------------------------------------------------------------------

def test_dns_query_agrees_with_zone_and_dig(run, capture, lab_file, topology):
    """dns_query.py prints what the zone holds, the same as dig (an independent client)."""
    types = ["A", "MX", "NS", "SOA", "TXT"]
    with capture("isp", facing="backbone", filter="udp port 53") as cap:
        result = run("h1", "python3", lab_file("dns_query.py"), "example.com", *types)
    result.check()
    for rtype in types:
        dig = run("h3", "dig", "+short", "example.com", rtype).check()
        expected = {line.strip() for line in dig.stdout.splitlines() if line.strip()}
        assert expected, f"dig found no {rtype} for example.com: is the lab DNS up?"
        printed = {m[1].strip() for m in
                   re.finditer(rf"^example\.com\. {rtype} (.+)$", result.stdout, re.M)}
        assert printed == expected, f"{rtype}: program printed {printed}, dig says {expected}"
        assert_queried(cap, topology, "example.com", rtype)
    assert set(records(topology, "example.com.", "MX")) <= set(
        m[1] for m in re.finditer(r"^example\.com\. MX (.+)$", result.stdout, re.M))
    assert address_of(topology, "example.com.") in result.stdout


def test_dns_query_tells_nodata_from_nxdomain(run, capture, lab_file, topology):
    missing = unknown_name()
    with capture("isp", facing="backbone", filter="udp port 53") as cap:
        # www has A and AAAA (dual stack), no MX: NODATA.
        nodata = run("h1", "python3", lab_file("dns_query.py"), "www.example.com", "MX").check()
        nx = run("h1", "python3", lab_file("dns_query.py"), missing, "A").check()
    assert "NODATA" in nodata.stdout and "NXDOMAIN" not in nodata.stdout, nodata.stdout
    assert "NXDOMAIN" in nx.stdout, nx.stdout
    # On the wire: NOERROR with no answer, versus rcode 3.
    assert any(m.rcode == 0 and not m.an for _, m in answers(cap, "www.example.com", "MX"))
    assert any(m.rcode == NXDOMAIN for _, m in answers(cap, missing, "A"))


def test_dns_query_ptr(run, lab_file, topology):
    www = str(topology["www"].address)
    result = run("h2", "python3", lab_file("dns_query.py"), "-x", www).check()
    assert f"PTR {topology['www'].fqdn}." in result.stdout, result.stdout


def test_dns_query_over_tcp(run, capture, lab_file, topology):
    with capture("isp", facing="backbone", filter="tcp port 53") as cap:
        result = run("h1", "python3", lab_file("dns_query.py"), "--tcp", "example.com",
                     "SOA").check()
    assert ", TCP," in result.stdout and "SOA backbone." in result.stdout, result.stdout
    syns = [p for p in cap.packets if p.flags == "S" and p.dst == dns_server(topology)
            and p.dport == 53]
    assert syns, "no TCP handshake towards the DNS server on port 53"
    assert_queried(cap, topology, "example.com", "SOA", proto="tcp")


def test_truncated_udp_answer_is_retried_over_tcp(run, serve, capture, lab_file, topology):
    """Against truncating_relay.py (the lab zone is too small for BIND to truncate)."""
    relay_host, port = "h2", RELAY_PORT
    relay_ip = str(topology[relay_host].address)
    with serve(relay_host, "python3", lab_file("truncating_relay.py"), "--port", str(port),
               port=port, proto="udp"):
        with capture(relay_host, filter=f"port {port}") as near, \
                capture("isp", facing="backbone", filter="tcp port 53") as far:
            result = run("h1", "python3", lab_file("dns_query.py"), "--server", relay_ip,
                         "--port", str(port), "example.com", "TXT").check()
    assert "truncated" in result.stdout and "TCP" in result.stdout, result.stdout
    for txt in records(topology, "example.com.", "TXT"):
        assert f"example.com. TXT {txt}" in result.stdout, f"missing {txt}:\n{result.stdout}"
    udp_replies = [m for p, m in dns_messages(near.packets)
                   if p.proto == "udp" and p.src == relay_ip and m.qr == dpkt.dns.DNS_R]
    assert udp_replies and all(m.tc and not m.an for m in udp_replies), \
        "the relay's UDP reply should carry the TC flag and no answer"
    assert any(p.proto == "tcp" and p.flags == "S" and p.dport == port for p in near.packets), \
        "the client did not retry over TCP after the truncated reply"
    assert_queried(far, topology, "example.com", "TXT", proto="tcp")


def test_getaddrinfo_service_and_canonical_name(run, capture, lab_file, topology):
    www = topology["www"]
    port = run("h1", "getent", "services", "http/tcp").check().stdout.split()[1].split("/")[0]
    with capture("isp", facing="backbone", filter="udp port 53") as cap:
        result = run("h1", "python3", lab_file("names.py"), "www", "http", "--canon",
                     "--family", "inet", "--connect").check()
    assert f"port {port} (http/tcp in /etc/services)" in result.stdout, result.stdout
    assert f"('{www.address}', {port}) canonical name '{www.fqdn}'" in result.stdout
    assert f"to ('{www.address}', {port})" in result.stdout, result.stdout
    assert_queried(cap, topology, www.fqdn, "A")   # the search domain, applied by the system


def test_gaierror_is_one_clear_line(run, lab_file):
    result = run("h1", "python3", lab_file("names.py"), unknown_name(), "http")
    assert result.status != 0 and "Traceback" not in result.stderr
    assert "cannot resolve" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_system_resolver_versus_direct_query(run, capture, lab_file, topology):
    www = topology["www"]
    with capture("isp", facing="backbone", filter="udp port 53") as cap:
        short = run("h1", "python3", lab_file("compare_resolvers.py"), "www").check()
        own = run("h1", "python3", lab_file("compare_resolvers.py"), "h1").check()
    assert f"www -> {www.fqdn} {www.address}" in short.stdout, short.stdout
    assert "(A www.): NXDOMAIN" in short.stdout and "differ" in short.stdout, short.stdout
    assert_queried(cap, topology, www.fqdn, "A")   # the system's, with the search domain
    assert_queried(cap, topology, "www", "A")      # the direct one, exactly as given
    assert "/etc/hosts" in own.stdout, own.stdout
    # h1 is in h1's /etc/hosts: only the direct query (with EDNS) went out, none from the
    # system resolver (glibc sends no OPT record).
    asked = queries(cap, "h1", "A", src=client_nat(topology))
    with_edns = [m for _, m in asked if any(rr.type == dpkt.dns.DNS_OPT for rr in m.ar)]
    assert with_edns, "the direct query for h1 did not cross isp"
    assert len(with_edns) == len(asked), "the system resolver should not have asked DNS for h1"


# --- Exercise 1: where mail goes --------------------------------------------------------------

@pytest.mark.exercise(1)
def test_mail_route_with_the_lab_dns(run, capture, program, topology):
    """example.com's MX records by preference; www and the CNAME alias fall back to A."""
    mx = sorted((int(p), host) for p, host in
                (r.split() for r in records(topology, "example.com.", "MX")))
    alias, _, canonical = next(r for r in zone_records(topology) if r[1] == "CNAME")
    www = topology["www"].fqdn + "."
    fallbacks = {www: www, alias: canonical}   # asked: where the chain ends
    assert not any(records(topology, final, "MX") for final in fallbacks.values()), \
        "the zone changed: pick other names without MX"
    with capture("isp", facing="backbone", filter="udp port 53") as cap:
        result, *fell_back = run_all(run, "h1", program("mail_route.py"), ("example.com",),
                                     *[(name,) for name in fallbacks])
    succeeded(result, "mail_route.py example.com")
    expected = [(p, host, [address_of(topology, host)]) for p, host in mx]
    assert target_lines(result.stdout) == expected, \
        f"expected the targets {expected} in this order{shown(result)}"
    assert_queried(cap, topology, "example.com", "MX")
    for (name, final), result in zip(fallbacks.items(), fell_back):
        succeeded(result, f"mail_route.py {name}")
        assert target_lines(result.stdout) == [(0, final, [address_of(topology, final)])], \
            f"expected `0 {final} {address_of(topology, final)}`{shown(result)}"
        assert "NODATA" in result.stdout, \
            f"say that there was no MX record (NODATA){shown(result)}"
        if name != final:
            assert "CNAME" in result.stdout, \
                f"say that the name is an alias (CNAME){shown(result)}"
        assert_queried(cap, topology, name.rstrip("."), "MX")
        assert_queried(cap, topology, name.rstrip("."), "A")


@pytest.mark.exercise(1)
def test_mail_route_nxdomain_and_nodata_differ(run, capture, program, topology):
    missing = unknown_name()
    empty = next(z for z in topology.zone.zones
                 if z.endswith("in-addr.arpa"))   # a zone apex: SOA and NS, no MX, no A
    with capture("isp", facing="backbone", filter="udp port 53") as cap:
        nx, nodata = run_all(run, "h1", program("mail_route.py"), (missing,), (empty,))
    nx_line = clean_failure(nx, f"mail_route.py {missing} (no such name)", "NXDOMAIN")
    nodata_line = clean_failure(nodata, f"mail_route.py {empty} (neither MX nor A)", "NODATA")
    assert "NODATA" not in nx_line, f"{missing} does not exist: NXDOMAIN only{shown(nx)}"
    assert "NXDOMAIN" not in nodata_line, f"{empty} exists: NODATA only{shown(nodata)}"
    assert nx.status != nodata.status, "use different exit statuses for the two cases"
    assert any(m.rcode == NXDOMAIN for _, m in answers(cap, missing, "MX")), \
        "the NXDOMAIN answer was not seen on the wire"
    assert not queries(cap, missing, "A"), "after NXDOMAIN there is nothing to fall back to"
    assert any(m.rcode == 0 and not m.an for _, m in answers(cap, empty, "A")), \
        "the A query (the fallback) for the zone apex was not seen on the wire"


def mail_zone():
    """(domain, records, {name: the lines mail_route.py must print}) for a zone where only
    the right rule gives the right targets: the MX records come in an order that is neither
    by preference, nor by preference as text, nor by exchange name; the domain has an
    address of its own besides; an alias leads to it; a host has no MX."""
    d, net = f"{token()}.test.", fresh_net()
    records = [f"{d} MX 20 a.{d}", f"{d} MX 5 z.{d}", f"{d} MX 10 m.{d}", f"{d} A {net}.1",
               f"a.{d} A {net}.20", f"z.{d} A {net}.5", f"m.{d} A {net}.10",
               f"m.{d} A {net}.9", f"alias.{d} CNAME {d}",
               f"host.{d} A {net}.30", f"host.{d} A {net}.7", f"slow.{d} TXT no-answer-for-A"]
    targets = [f"5 z.{d} {net}.5", f"10 m.{d} {net}.9 {net}.10", f"20 a.{d} {net}.20"]
    fallback = [f"host.{d} has no MX record (NODATA): delivering to its own address (A), "
                "preference 0", f"0 host.{d} {net}.7 {net}.30"]
    return d, records, {d: targets,
                        f"alias.{d}": [f"alias.{d} is an alias (CNAME) of {d}", *targets],
                        f"host.{d}": fallback}


def numeric_addresses(stdout):
    """mail_route.py's lines, the addresses of each target in numeric order."""
    out = []
    for line in stdout.splitlines():
        words = line.split()
        if words and words[0].isdigit() and all(w.count(".") == 3 for w in words[2:]):
            line = " ".join(words[:2] + sorted(words[2:], key=ipaddress.IPv4Address))
        out.append(line)
    return out


@pytest.mark.exercise(1)
def test_mail_route_against_a_zone_of_our_own(run, serve, program, lab_file, topology):
    """Fresh names no table knows, MX records in an order that hides no missing sort, an alias,
    a fallback to two addresses, and a question the server never answers."""
    domain, records, cases = mail_zone()
    with own_zone(serve, lab_file, records, drop=[f"slow.{domain} A"]) as server:
        *found, slow = run_all(
            run, "h1", [*program("mail_route.py"), *zone_server_options(topology)],
            *[(name,) for name in cases], ("--timeout", "0.5", f"slow.{domain}"))
        questions = asked(server)
    for (name, expected), result in zip(cases.items(), found):
        succeeded(result, f"mail_route.py {name}")
        assert numeric_addresses(result.stdout) == expected, (
            f"mail_route.py {name}, with the zone{indented(records)}\nshould print exactly"
            f"{indented(expected)}{shown(result)}")
    clean_failure(slow, f"mail_route.py --timeout 0.5 slow.{domain} (its A query is never "
                  "answered): the program must say the server did not answer", "no answer")
    exchanges = {(f"{x}.{domain}", "A") for x in "amz"}
    assert {(domain, "MX")} | exchanges <= questions, (
        f"zone_server.py (--server) should have been asked the MX of {domain} and the A of "
        f"each exchange; it was asked {sorted(questions)}")


# --- Exercise 2: forward-confirmed reverse DNS ------------------------------------------------

@pytest.mark.exercise(2)
def test_reverse_check_with_the_lab_dns(run, capture, program, topology):
    """Every lab address is confirmed; one without a name is not (NXDOMAIN)."""
    names = reverse_names(topology)
    address = next(a for a in (f"10.254.{i}.254" for i in range(256)) if a not in names)
    with capture("isp", facing="backbone", filter="udp port 53") as cap:
        result, unknown = run_all(run, "h3", program("reverse_check.py"), tuple(names),
                                  (address,))
    for known, name in names.items():
        assert f"{known} {name} confirmed" in result.stdout.splitlines(), \
            f"expected `{known} {name} confirmed`{shown(result)}"
    succeeded(result, "every lab address is confirmed: exit 0")
    for known, name in names.items():
        ptr = ipaddress.ip_address(known).reverse_pointer
        assert_queried(cap, topology, ptr, "PTR")
        assert_queried(cap, topology, name.rstrip("."), "A")
    assert f"{address} no PTR record (NXDOMAIN)" in unknown.stdout.splitlines(), shown(unknown)
    assert unknown.status == 1 and "Traceback" not in unknown.stderr, \
        f"an address without a name is not confirmed: exit 1, no traceback{shown(unknown)}"
    ptr = ipaddress.ip_address(address).reverse_pointer
    assert any(m.rcode == NXDOMAIN for _, m in answers(cap, ptr, "PTR")), \
        f"no NXDOMAIN answer for {ptr} PTR crossed isp->backbone"


def lying_zone():
    """(records, {address: the verdict lines}, the address never answered) for a zone whose
    reverse records lie: a name whose address starts like the one asked, an address with a
    lying name before its true one, a reverse name without PTR, a PTR to nowhere."""
    d, net = f"{token()}.test.", fresh_net()

    def ptr(host):
        return ipaddress.ip_address(f"{net}.{host}").reverse_pointer + "."
    records = [f"{ptr(1)} PTR ok.{d}", f"ok.{d} A {net}.100", f"ok.{d} A {net}.1",
               f"{ptr(4)} PTR liar.{d}", f"liar.{d} A {net}.45",
               f"{ptr(2)} PTR other.{d}", f"{ptr(2)} PTR good.{d}",
               f"other.{d} A {net}.200", f"good.{d} A {net}.2",
               f"{ptr(3)} TXT no-ptr-here", f"{ptr(8)} PTR gone.{d}", f"{ptr(9)} PTR slow.{d}"]
    verdicts = {f"{net}.1": [f"ok.{d} confirmed"],
                f"{net}.4": [f"liar.{d} not confirmed (...)"],
                f"{net}.2": [f"other.{d} not confirmed (...)", f"good.{d} confirmed"],
                f"{net}.3": ["no PTR record (NODATA)"],
                f"{net}.6": ["no PTR record (NXDOMAIN)"],
                f"{net}.8": [f"gone.{d} not confirmed (...)"]}
    return records, {a: sorted(f"{a} {v}" for v in vs) for a, vs in verdicts.items()}, \
        f"{net}.9"


def verdict_lines(stdout):
    """reverse_check.py's lines, sorted, with the reason of `not confirmed (...)` left out."""
    return sorted(re.sub(r" not confirmed \(.+\)$", " not confirmed (...)", line)
                  for line in stdout.splitlines())


@pytest.mark.exercise(2)
def test_reverse_check_against_a_lying_zone(run, serve, program, lab_file, topology):
    """Reverse records that lie, several PTR names, NODATA and NXDOMAIN, and a question the
    server never answers: only a check that compares addresses on the wire passes."""
    records, expected, slow = lying_zone()
    ptr_of_slow = ipaddress.ip_address(slow).reverse_pointer + "."
    with own_zone(serve, lab_file, records, drop=[f"{ptr_of_slow} PTR"]) as server:
        result, timed_out = run_all(
            run, "h1", [*program("reverse_check.py"), *zone_server_options(topology)],
            tuple(expected), ("--timeout", "0.5", slow))
        questions = asked(server)
    wanted = sorted(line for verdict in expected.values() for line in verdict)
    assert verdict_lines(result.stdout) == wanted, (
        f"reverse_check.py {' '.join(expected)}, with the zone{indented(records)}\nshould print "
        f"these lines (in any order){indented(wanted)}{shown(result)}")
    assert result.status == 1 and not result.stderr, \
        f"not every address is confirmed: exit status 1, nothing on stderr{shown(result)}"
    clean_failure(timed_out, f"reverse_check.py --timeout 0.5 {slow} (its PTR query is never "
                  "answered): the program must say the server did not answer", "no answer")
    assert "NXDOMAIN" not in timed_out.stdout, \
        f"no answer is not NXDOMAIN{shown(timed_out)}"
    names = {m[1].lower() for line in wanted if (m := re.match(r"\S+ (\S+\.) ", line))}
    missing = {(n, "A") for n in names} - questions
    assert not missing, (f"each PTR name must be confirmed by an A query to the server given "
                         f"(--server); never asked: {sorted(missing)}")


# --- both families: getaddrinfo's order, what a server sees ------------------------------------

def test_getaddrinfo_lists_both_families_ipv4_first(run, lab_file, topology):
    www = topology["www"]
    both = run("h1", "python3", lab_file("names.py"), "www", "http").check().stdout
    found = re.findall(r"AF_INET6? SOCK_STREAM proto \d+ -> \('([0-9a-f.:]+)'", both)
    assert found == [str(www.address), str(www.address6)], both
    six = run("h1", "python3", lab_file("names.py"), "www", "http", "--family", "inet6",
              "--connect").check().stdout
    assert f"to ('{www.address6}', 80" in six and str(www.address) not in six, six


@pytest.mark.parametrize("client, modem", [("h1", "modemA"), ("h4", "modemB")])
def test_the_server_sees_the_modem_over_ipv4_and_the_host_over_ipv6(run, serve, lab_file,
                                                                    topology, client, modem):
    with serve("www", "python3", lab_file("caller.py"), str(CALLER_PORT),
               port=CALLER_PORT) as server:
        four = run(client, "nc", "-4", "-N", "www", str(CALLER_PORT), stdin="").check()
        six = run(client, "nc", "-6", "-N", "www", str(CALLER_PORT), stdin="").check()
    nat = topology[modem].interface("wan").ip
    assert four.stdout.startswith(f"you are {nat} port "), four.stdout
    assert six.stdout.startswith(f"you are {topology[client].address6} port "), six.stdout
    assert f"(the socket says ::ffff:{nat})" in server.output()


# --- exercise 3: Happy Eyeballs ---------------------------------------------------------------

def eyeballs(run, program, *args):
    """Run happy_eyeballs.py on h1 to www; (result, wall-clock seconds)."""
    began = time.monotonic()
    result = run("h1", *program("happy_eyeballs.py"), "www.example.com", *args)
    return result, time.monotonic() - began


def syns(cap, version):
    return [p for p in cap if p.version == version and p.flags == "S"]


@pytest.fixture
def ipv6_dropped(run, topology):
    """IPv6 from the homes to www's web server silently dropped on isp: a broken path."""
    rule = ["FORWARD", "-p", "tcp", "-d", str(topology["www"].address6), "--dport", "80",
            "-j", "DROP"]
    run("isp", "ip6tables", "-I", *rule).check()
    yield
    run("isp", "ip6tables", "-D", *rule).check()


@pytest.mark.exercise(3)
def test_eyeballs_uses_ipv6_when_it_works(run, capture, program, topology):
    h1, www = topology["h1"], topology["www"]
    with capture("www", filter="tcp port 80") as cap:
        result, _ = eyeballs(run, program, "80")
    succeeded(result, "happy_eyeballs.py www.example.com 80")
    assert f"connected to {www.address6} port 80 over IPv6" in result.stdout, \
        f"IPv6 works here, so IPv6 should win{shown(result)}"
    assert [p.src for p in syns(cap, 6)] == [str(h1.address6)], \
        "exactly one IPv6 connection from h1's own address should reach www"
    assert not syns(cap, 4), "IPv4 should not even be tried while IPv6 connects at once"


@pytest.mark.exercise(3)
def test_eyeballs_falls_back_to_ipv4_quickly(run, capture, program, topology, ipv6_dropped):
    with capture("isp", facing="modemA", filter="tcp port 80") as cap:
        result, took = eyeballs(run, program, "80", "--delay", "0.25")
    succeeded(result, "happy_eyeballs.py www.example.com 80 (IPv6 dropped on isp)")
    assert f"connected to {topology['www'].address} port 80 over IPv4" in result.stdout, \
        f"with IPv6 broken, IPv4 should win{shown(result)}"
    assert took < 2.0, f"the fallback took {took:.1f} s: start IPv4 after the delay, " \
        f"without waiting for IPv6 to give up{shown(result)}"
    six, four = syns(cap, 6), syns(cap, 4)
    assert six and four, "both an IPv6 and an IPv4 attempt should cross isp"
    assert four[0].time - six[0].time >= 0.2, \
        "IPv4 started too soon: give IPv6 its head start (the delay) first"


@pytest.mark.exercise(3)
def test_eyeballs_moves_on_at_once_when_ipv6_is_refused(run, serve, program):
    # A server on www on IPv4 only: an IPv6 attempt is refused at once (RST).
    with serve("www", "nc", "-4", "-k", "-l", "-p", str(IPV4_ONLY_PORT),
               port=IPV4_ONLY_PORT):
        result, took = eyeballs(run, program, str(IPV4_ONLY_PORT), "--delay", "3")
    succeeded(result, f"happy_eyeballs.py www.example.com {IPV4_ONLY_PORT} --delay 3")
    assert "over IPv4" in result.stdout, shown(result)
    assert took < 2.0, f"it took {took:.1f} s: a refused attempt should start the next one " \
        f"at once, not after the delay{shown(result)}"


# --- exercise 4: a raw-socket sniffer ---------------------------------------------------------

SENDER = """
import socket, sys
word, port = sys.argv[1].encode(), int(sys.argv[2])
for family, address in ((socket.AF_INET, sys.argv[3]), (socket.AF_INET6, sys.argv[4])):
    with socket.socket(family, socket.SOCK_DGRAM) as s:
        for i in range(1, 6):
            s.sendto(word * i, (address, port))
"""


def sniffed(output):
    return [line for line in output.splitlines() if f":{SNIFF_PORT} udp " in line]


@pytest.mark.exercise(4)
def test_sniffer_sees_what_tcpdump_sees(run, capture, background, program, topology):
    www = topology["www"]
    with capture("isp", facing="backbone", filter=f"udp dst port {SNIFF_PORT}") as cap, \
            background("isp", *program("sniff.py"), "backbone") as sniffer:
        wait_until(lambda: "listening on backbone" in sniffer.output(), 10,
                   "sniff.py listens on isp's backbone interface")
        run("h1", "python3", "-c", SENDER, token(), str(SNIFF_PORT), str(www.address),
            str(www.address6)).check()
        try:   # ten datagrams, five per family, or what it made of them after 5 s
            wait_until(lambda: len(sniffed(sniffer.output())) >= 10 or not sniffer.alive(),
                       5, "")
        except AssertionError:
            pass
        said = sniffer.output()
    expected = [f"IPv{p.version} {p.src}:{p.sport} > {p.dst}:{p.dport} udp length {p.length}"
                for p in cap]
    assert len(expected) == 10 and {p.version for p in cap} == {4, 6}, \
        f"tcpdump should have seen h1's ten datagrams: {expected}"
    got = sniffed(said)
    assert got == expected, (f"tcpdump on the same interface saw:\n  " + "\n  ".join(expected)
                             + "\nthe sniffer said:\n  " + "\n  ".join(got or said.splitlines()[:12]))


def test_a_raw_socket_needs_cap_net_raw(run, lab_file):
    result = run("isp", "su", "student", "-c",
                 f"python3 {lab_file('sniff.py')} backbone --count 1")
    lines = result.stderr.strip().splitlines()
    assert result.status != 0 and len(lines) == 1 and "CAP_NET_RAW" in lines[0], shown(result)
