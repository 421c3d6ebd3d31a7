"""Grader for chapter 2 (UDP): the example programs, and Exercises 1-3 (see README.md).

Every check looks at what the programs print AND at the packets on the wire.
"""
from __future__ import annotations

import re
import time
from contextlib import ExitStack

import pytest

from playground.grading import clean_failure, failure, shown, token, wait_until

REMOTE, STRAY, BROADCAST, MTU, TIME = 2010, 2021, 2030, 2040, 2050
UDP_HEADERS = 28   # IPv4 (no options) + UDP


def carrying(packets, text: str, **fields):
    """The UDP packets whose payload contains text and whose fields match."""
    return [p for p in packets if p.proto == "udp" and text.encode() in p.payload
            and all(getattr(p, k) == v for k, v in fields.items())]


def finished(proc, timeout: float) -> str:
    """What a background program printed, once it has exited."""
    wait_until(lambda: not proc.alive(), timeout, "the client exited")
    return proc.output()


# ---------------------------------------------------------------- the example programs

def test_local_loopback(run, serve, capture, lab_file):
    word = token()
    prog = lab_file("udp_local.py")
    with serve("h1", "python3", prog, "server", port=2000, proto="udp") as server, \
            capture("h1", filter="udp port 2000") as cap:
        result = run("h1", "python3", prog, "client", word).check()
        log = server.output()   # read it now: serve() removes it on the way out
    assert f"your datagram was {len(word)} bytes" in result.stdout, shown(result)
    port = re.search(r"sent from [\d.]+:(\d+)", result.stdout)
    assert port, f"the client should print its ephemeral port{shown(result)}"
    assert f"from 127.0.0.1:{port[1]}: '{word}'" in log, log
    assert carrying(cap.packets, word, src="127.0.0.1", dst="127.0.0.1", dport=2000,
                    sport=int(port[1])), "the request never crossed the loopback interface"


@pytest.mark.parametrize("server_host", ["www", "h2"])
def test_remote_and_nat(run, serve, capture, lab_file, topology, server_host):
    """Via the Internet, www sees modemA's address; on the LAN, h2 sees h1's own."""
    word = token()
    h1, wan = str(topology["h1"].address), str(topology["modemA"].interface("wan").ip)
    target = str(topology[server_host].address)
    seen_as = wan if server_host == "www" else h1
    prog = lab_file("udp_remote.py")
    with serve(server_host, "python3", prog, "server", port=REMOTE, proto="udp") as server, \
            capture("modemA", facing="h1", filter=f"udp port {REMOTE}") as lan, \
            capture("isp", facing="modemA", filter=f"udp port {REMOTE}") as isp:
        result = run("h1", "python3", prog, "client", server_host, word).check()
        log = server.output()
    assert f"{word.upper()} (you are {seen_as}:" in result.stdout, shown(result)
    assert f"from {seen_as}:" in log and word in log, f"the server should log {seen_as}:\n{log}"
    if server_host == "www":
        assert carrying(lan.packets, word, src=h1, dst=target), \
            f"modemA's LAN side should carry the request from {h1}"
        assert carrying(isp.packets, word, src=wan, dst=target), \
            f"after the NAT, the request should come from {wan}"
        assert carrying(isp.packets, word.upper(), src=target, dst=wan)
        assert carrying(lan.packets, word.upper(), src=target, dst=h1), \
            "modemA should translate the reply back to h1's private address"
    else:
        assert not carrying(isp.packets, word), "LAN traffic must never reach the ISP"


def test_one_shot_client_times_out(run, lab_file):
    result = run("h1", "python3", lab_file("udp_remote.py"), "client", "www", "--port",
                 str(REMOTE + 9), "--timeout", "0.5")
    clean_failure(result, "no server")
    assert "no reply" in result.stderr, shown(result)


@pytest.mark.parametrize("argv, words", [
    (["udp_remote.py", "client", "no-such-host.example.com"], ["cannot resolve"]),
    (["udp_time.py", "client", "www", "--port", str(TIME + 9), "--timeout", "0.3"],
     ["no answer"]),
    (["udp_broadcast.py", "--without-so-broadcast", "--wait", "0.1"], ["SO_BROADCAST"]),
], ids=["unknown-host", "time-no-server", "no-so-broadcast"])
def test_clear_errors(run, lab_file, argv, words):
    result = run("h1", "python3", lab_file(argv[0]), *argv[1:])
    clean_failure(result, " ".join(argv), f"{argv[0]}: ", *words)


@pytest.mark.parametrize("argv, wrong", [
    (["udp_local.py", "client", "--port", "70000"], "70000"),
    (["udp_mtu.py", "www", "--size", "-1"], "--size"),
], ids=["bad-port", "bad-size"])
def test_usage_errors(run, lab_file, argv, wrong):
    result = run("h1", "python3", lab_file(argv[0]), *argv[1:])
    assert result.status == 2 and "Traceback" not in result.stderr, shown(result)
    assert wrong in failure(result), f"the usage error should name {wrong}{shown(result)}"


def test_naive_client_is_fooled(run, serve, capture, background, lab_file, topology):
    word, lie = token(), token()
    h1, h2 = str(topology["h1"].address), str(topology["h2"].address)
    with serve("www", "python3", lab_file("udp_remote.py"), "server", "--delay", "3",
               port=REMOTE, proto="udp") as server, \
            capture("h1", filter=f"udp port {STRAY}") as cap, \
            background("h1", "python3", lab_file("udp_stray.py"), "naive", "www", word) as client:
        wait_until(lambda: word in server.output(), 10, "the request reached www")
        run("h2", "python3", lab_file("udp_stray.py"), "stray", h1, str(STRAY), lie).check()
        out = finished(client, 10)
    assert re.search(rf"reply from {re.escape(h2)}:\d+: {lie}", out), \
        f"the naive client should take h2's stray for the reply:\n{out}"
    assert carrying(cap.packets, lie, src=h2, dst=h1, dport=STRAY)


def test_broadcast_stays_on_home_a(run, capture, lab_file, topology):
    word = token()
    h1 = str(topology["h1"].address)
    with capture("h2", facing="h1", filter=f"udp port {BROADCAST}") as home_a, \
            capture("h4", facing="modemB", filter=f"udp port {BROADCAST}") as home_b, \
            capture("modemB", facing="h4", filter=f"udp port {BROADCAST}") as modem_b:
        result = run("h1", "python3", lab_file("udp_broadcast.py"), "--text", word,
                     "--wait", "0.3").check()
    assert f"sent '{word}' to 192.168.1.255:{BROADCAST}" in result.stdout, shown(result)
    frames = carrying(home_a.packets, word, src=h1, dst="192.168.1.255")
    assert frames, "h2 should see the broadcast"
    assert all(f.eth_dst == "ff:ff:ff:ff:ff:ff" for f in frames), \
        "a broadcast datagram travels in an Ethernet broadcast frame"
    assert not carrying(home_b.packets + modem_b.packets, word), \
        "home B is another LAN: the broadcast must never reach it"


def test_mtu_and_dont_fragment(run, capture, lab_file, topology):
    mtu = int(run("h1", "cat", "/sys/class/net/eth0/mtu").check().stdout)
    www = str(topology["www"].address)
    prog = lab_file("udp_mtu.py")
    with capture("isp", facing="modemA", filter=f"udp dst port {MTU}") as cap:
        fits = run("h1", "python3", prog, "www").check()
        too_big = run("h1", "python3", prog, "www", "--size", str(mtu - UDP_HEADERS + 1))
    assert f"path MTU to {www}:{MTU}: {mtu} bytes" in fits.stdout, shown(fits)
    assert f"sent a {mtu - UDP_HEADERS}-byte payload" in fits.stdout, shown(fits)
    clean_failure(too_big, "a datagram over the MTU")
    assert "EMSGSIZE" in too_big.stderr and str(mtu) in too_big.stderr, shown(too_big)
    sizes = [len(p.payload) for p in cap.packets if p.dst == www]
    assert sizes == [mtu - UDP_HEADERS], f"one full-size datagram should pass, got {sizes}"
    assert all(p.df and p.length == mtu for p in cap.packets if p.dst == www), \
        "the datagram should fill the MTU exactly, with Don't Fragment set"


def test_socketserver_time(run, serve, capture, lab_file, topology):
    wan, www = str(topology["modemA"].interface("wan").ip), str(topology["www"].address)
    prog = lab_file("udp_time.py")
    with serve("www", "python3", prog, "server", port=TIME, proto="udp") as server, \
            capture("isp", facing="modemA", filter=f"udp port {TIME}") as cap:
        before = time.time()
        result = run("h1", "python3", prog, "client", "www").check()
        after = time.time()
        log = server.output()
    stamp = re.search(r"server time: (\d+\.\d{6})", result.stdout)
    assert stamp, f"the client should print the server time{shown(result)}"
    assert before - 2 < float(stamp[1]) < after + 2, "the hosts share one clock: too far off"
    assert f"told {wan}:" in log, f"the server should log the client as {wan}:\n{log}"
    assert carrying(cap.packets, stamp[1], src=www, sport=TIME, dst=wan), \
        "the time printed should be the one the server sent"


# ---------------------------------------------------------------- Exercise 1: backoff

@pytest.mark.exercise(1)
@pytest.mark.parametrize("lossy", ["backbone", "modemA"], ids=["requests-lost",
                                                                "replies-lost"])
def test_backoff_survives_loss(run, serve, impair, program, lab_file, topology, lossy):
    words = [token() for _ in range(3)]
    www = str(topology["www"].address)
    # Only this exercise's datagrams are lost (requests to, replies from the server's port),
    # so other chapters' tests running at the same time are not disturbed.
    port = "--dport" if lossy == "backbone" else "--sport"
    with serve("www", "python3", lab_file("udp_remote.py"), "server", port=REMOTE,
               proto="udp"), impair("isp", facing=lossy, loss=0.5,
                                    match=f"-p udp {port} {REMOTE}"):
        # --give-up 12: 10 tries, so at 50 % loss a request fails only once in 1000 runs.
        result = run("h1", *program("backoff_client.py"), www, *words,
                     "--give-up", "12", timeout=60)
    assert result.status == 0, f"every request should get its answer{shown(result)}"
    replies = re.findall(r"^reply: (\S+)", result.stdout, re.MULTILINE)
    assert replies == [w.upper() for w in words], \
        f"one reply per request, in order{shown(result)}"


@pytest.mark.exercise(1)
def test_backoff_intervals_grow_then_give_up(run, serve, capture, program, lab_file):
    """A server that takes the requests but never answers in time (no ICMP error either);
    a silent server rather than a 100 % loss on isp, which would disturb other chapters."""
    word = token()
    with serve("www", "python3", lab_file("udp_remote.py"), "server", "--delay", "60",
               port=REMOTE, proto="udp"), \
            capture("isp", facing="modemA", filter=f"udp dst port {REMOTE}") as cap:
        start = time.monotonic()
        result = run("h1", *program("backoff_client.py"), "www", word, timeout=30)
        took = time.monotonic() - start
    clean_failure(result, "a server that never answers")
    assert 3 < took < 10, f"it should give up after about 5 s, not {took:.1f} s{shown(result)}"
    times = [p.time for p in carrying(cap.packets, word)]
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert len(times) >= 4, f"expected several retransmissions, saw {len(times)} sends"
    assert gaps[0] < 0.5, f"the first timeout should be short (about 0.1 s): {gaps}"
    assert all(b > 0.9 * a for a, b in zip(gaps, gaps[1:])) and gaps[-1] > 4 * gaps[0], \
        f"the intervals between retransmissions should grow: {[round(g, 2) for g in gaps]}"


@pytest.mark.exercise(1)
def test_backoff_gives_up_when_server_down(run, capture, program):
    """No server on the port: www answers ICMP port unreachable, the client must stop."""
    word, port = token(), REMOTE + 9
    with capture("isp", facing="modemA", filter=f"udp dst port {port}") as cap:
        start = time.monotonic()
        result = run("h1", *program("backoff_client.py"), "www", word, "--port",
                     str(port), timeout=30)
        took = time.monotonic() - start
    assert carrying(cap.packets, word), "the client should have sent its request"
    clean_failure(result, "no server")
    assert took < 10, f"giving up should take about 5 s at most, not {took:.1f} s"


@pytest.mark.exercise(1)
def test_backoff_ignores_late_duplicates(run, serve, capture, program, lab_file):
    """A server slower than the first timeout answers every copy: IDs tell them apart."""
    words = [token() for _ in range(4)]
    with serve("www", "python3", lab_file("udp_remote.py"), "server", "--delay", "0.25",
               port=REMOTE, proto="udp"), \
            capture("isp", facing="modemA", filter=f"udp port {REMOTE}") as cap:
        result = run("h1", *program("backoff_client.py"), "www", *words,
                     timeout=60)
    replies = re.findall(r"^reply: (\S+)", result.stdout, re.MULTILINE)
    assert result.status == 0 and replies == [w.upper() for w in words], \
        f"each request's own reply, in order (a late duplicate is not an answer){shown(result)}"
    assert any(len(carrying(cap.packets, w.upper(), sport=REMOTE)) > 1 for w in words), \
        "the client should have retransmitted when the reply took longer than 0.1 s"


# ---------------------------------------------------------------- Exercise 2: careful

@pytest.mark.exercise(2)
def test_careful_client_rejects_stray(run, serve, capture, background, program, lab_file,
                                      topology):
    word, lie = token(), token()
    h1, h2 = str(topology["h1"].address), str(topology["h2"].address)
    www = str(topology["www"].address)
    with serve("www", "python3", lab_file("udp_remote.py"), "server", "--delay", "2",
               port=REMOTE, proto="udp") as server, \
            capture("h1", filter=f"udp port {STRAY}") as cap, \
            background("h1", *program("careful_client.py"), "www", word) as client:
        wait_until(lambda: word in server.output(), 10, "the request reached www")
        # The stray even carries the right request ID (read from the server's log), as an
        # attacker who saw the request could: only the source address gives it away.
        request_id = re.search(rf"request ([0-9a-f]{{8}}) '{word}'", server.output())[1]
        run("h2", "python3", lab_file("udp_stray.py"), "stray", h1, str(STRAY),
            f"{request_id} {lie}").check()
        out = finished(client, 10)
    assert carrying(cap.packets, lie, src=h2, dst=h1, dport=STRAY), \
        "the stray datagram should have reached h1 (test setup)"
    replies = [line for line in out.splitlines() if line.startswith("reply from")]
    assert len(replies) == 1 and replies[0].startswith(f"reply from {www}:{REMOTE}: "
                                                       f"{word.upper()} (you are "), \
        f"exactly one reply, the server's, and not h2's stray:\n{out}"
    assert carrying(cap.packets, word.upper(), src=www, dst=h1, dport=STRAY)


# ---------------------------------------------------------------- Exercise 3: broadcast

@pytest.mark.exercise(3)
def test_broadcast_listeners(run, serve, capture, program, lab_file, topology):
    word = token()
    h1 = str(topology["h1"].address)
    listener = program("broadcast_listener.py")
    with ExitStack() as stack:
        heard = {host: stack.enter_context(serve(host, *listener, port=BROADCAST,
                                                 proto="udp"))
                 for host in ("h2", "h3", "h4")}
        home_a = stack.enter_context(capture("h2", facing="h1", filter=f"udp port {BROADCAST}"))
        home_b = stack.enter_context(capture("h4", facing="modemB",
                                             filter=f"udp port {BROADCAST}"))
        result = run("h1", "python3", lab_file("udp_broadcast.py"), "--text", word,
                     "--wait", "1").check()
        output = {host: server.output() for host, server in heard.items()}
    for host in ("h2", "h3"):
        assert f"heard from {h1}:" in output[host] and word in output[host], \
            f"the listener on {host} should print what it heard:\n{output[host]}"
        assert f"answer from {topology[host].address}:{BROADCAST}: " in result.stdout, \
            f"{host} should answer the sender{shown(result)}"
    assert word not in output["h4"], "h4 is on another LAN: it cannot hear home A's broadcast"
    assert carrying(home_a.packets, word, dst="192.168.1.255", eth_dst="ff:ff:ff:ff:ff:ff")
    assert any(p.src == str(topology["h2"].address) and p.dst == h1 for p in home_a.packets), \
        "h2's answer should go back to h1 by unicast"
    assert not carrying(home_b.packets, word), "home B must see nothing of home A's broadcast"
