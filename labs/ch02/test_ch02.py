"""Grader for chapter 2 (UDP): the example programs, and Exercises 1-3 (see README.md).

Every check looks at what the programs print AND at the packets on the wire.
"""
from __future__ import annotations

import re
import time
from contextlib import ExitStack

import pytest

from playground.grading import clean_failure, failure, shown, token, wait_until

REMOTE, TRICKY, STRAY, BROADCAST, MTU, TIME = 2010, 2012, 2021, 2030, 2040, 2050
UDP_HEADERS = 28   # IPv4 (no options) + UDP


def carrying(packets, text: str, **fields):
    """The UDP packets whose payload contains text and whose fields match."""
    return [p for p in packets if p.proto == "udp" and text.encode() in p.payload
            and all(getattr(p, k) == v for k, v in fields.items())]


def replies(result) -> list[str]:
    """The texts of the backoff client's `reply: TEXT` lines."""
    return re.findall(r"^reply: (.*)$", result.stdout, re.MULTILINE)


def answers(words, seen_as: str) -> str:
    """What udp_remote.py answers to each of words, a regular expression."""
    return "\n".join(rf"{w.upper()} \(you are {re.escape(seen_as)}:\d+\)" for w in words)


def timed(*argv: str) -> list[str]:
    """argv under a shell that prints `took N ms` last on stdout: the program's own time in
    the host, without the time docker exec takes on a busy machine."""
    script = ('s=$(date +%s%N); "$@"; r=$?; '
              'echo "took $((($(date +%s%N) - s) / 1000000)) ms"; exit $r')
    return ["sh", "-c", script, "sh", *argv]


def took(result) -> float:
    """The seconds that timed() measured."""
    return int(re.findall(r"^took (\d+) ms$", result.stdout, re.MULTILINE)[-1]) / 1000


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
    www, wan = str(topology["www"].address), str(topology["modemA"].interface("wan").ip)
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
    assert re.fullmatch(answers(words, wan), "\n".join(replies(result))), \
        f"one line `reply: TEXT` per request, in order, the server's whole reply{shown(result)}"


@pytest.mark.exercise(1)
def test_backoff_intervals_grow_then_give_up(run, serve, capture, program, lab_file):
    """A server that takes the requests but never answers in time (no ICMP error either);
    a silent server rather than a 100 % loss on isp, which would disturb other chapters."""
    word = token()
    with serve("www", "python3", lab_file("udp_remote.py"), "server", "--delay", "60",
               port=REMOTE, proto="udp"), \
            capture("isp", facing="modemA", filter=f"udp dst port {REMOTE}") as cap:
        result = run("h1", *timed(*program("backoff_client.py"), "www", word), timeout=30)
    clean_failure(result, "a server that never answers")
    assert 3 < took(result) < 10, \
        f"it should give up after about 5 s, not {took(result):.1f} s{shown(result)}"
    times = [p.time for p in carrying(cap.packets, word)]
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert len(times) >= 4, f"expected several retransmissions, saw {len(times)} sends"
    assert gaps[0] < 0.5, f"the first timeout should be short (about 0.1 s): {gaps}"
    # 50 ms of slack per gap: a busy host may wake the client late, never early.
    assert all(b > 0.9 * a - 0.05 for a, b in zip(gaps, gaps[1:])) and gaps[-1] > 4 * gaps[0], \
        f"the intervals between retransmissions should grow: {[round(g, 2) for g in gaps]}"


@pytest.mark.exercise(1)
def test_backoff_gives_up_when_server_down(run, capture, program):
    """No server on the port: www answers ICMP port unreachable, the client must stop."""
    word, port = token(), REMOTE + 9
    with capture("isp", facing="modemA", filter=f"udp dst port {port}") as cap:
        result = run("h1", *timed(*program("backoff_client.py"), "www", word, "--port",
                                  str(port)), timeout=30)
    assert carrying(cap.packets, word), "the client should have sent its request"
    clean_failure(result, "no server")
    assert took(result) < 10, f"giving up should take about 5 s at most, not {took(result):.1f} s"


@pytest.mark.exercise(1)
def test_backoff_ignores_late_duplicates(run, serve, capture, program, lab_file, topology):
    """A server slower than the first timeout answers every copy: IDs tell them apart."""
    words = [token() for _ in range(4)]
    wan = str(topology["modemA"].interface("wan").ip)
    with serve("www", "python3", lab_file("udp_remote.py"), "server", "--delay", "0.25",
               port=REMOTE, proto="udp"), \
            capture("isp", facing="modemA", filter=f"udp port {REMOTE}") as cap:
        result = run("h1", *program("backoff_client.py"), "www", *words,
                     timeout=60)
    assert result.status == 0 and re.fullmatch(answers(words, wan), "\n".join(replies(result))), \
        f"each request's own reply, in order (a late duplicate is not an answer){shown(result)}"
    assert any(len(carrying(cap.packets, w.upper(), sport=REMOTE)) > 1 for w in words), \
        "the client should have retransmitted when the reply took longer than 0.1 s"


@pytest.mark.exercise(1)
def test_backoff_skips_junk_strays_and_stale_replies(run, serve, program, lab_file, topology):
    """udp_tricky.py on h2 sends an empty datagram, one without an ID, another request's reply
    and a decoy from another port before each genuine reply, which is long and carries a
    secret no table of answers can know. --initial 1: the genuine reply comes at once, so a
    second copy of a request means the client took junk for "no reply"."""
    words, secret, size = [token(), token()], token(), 3000
    h2 = str(topology["h2"].address)
    with serve("h2", "python3", lab_file("udp_tricky.py"), "--secret", secret, "--size",
               str(size), port=TRICKY, proto="udp") as server:
        result = run("h1", *program("backoff_client.py"), h2, *words, "--port", str(TRICKY),
                     "--initial", "1")
        log = server.output()
    got = replies(result)
    wanted = [f"{w.upper()} {secret}".ljust(size, ".") for w in words]
    assert result.status == 0 and got == wanted, \
        ("each request's genuine reply, whole (a 3000-byte text); got "
         f"{[g[:60] + f'... ({len(g)} bytes)' for g in got]} instead of "
         f"{[w[:60] + '...' for w in wanted]}; exit status {result.status}, stderr:\n"
         f"{result.stderr}")
    sent = re.findall(r"request [0-9a-f]{8} '(\w+)'", log)
    assert sent == words, \
        f"each request sent once (junk is not a reason to send again), got {sent}:\n{log}"


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


@pytest.mark.exercise(2)
def test_careful_client_skips_junk_and_decoys(run, serve, program, lab_file, topology):
    """udp_tricky.py on h2: an empty datagram, one without an ID, another request's reply
    from the server's port, a decoy with the right ID from another port, then the genuine
    reply carrying a secret the client cannot make up."""
    word, secret = token(), token()
    h2 = str(topology["h2"].address)
    with serve("h2", "python3", lab_file("udp_tricky.py"), "--secret", secret,
               port=TRICKY, proto="udp"):
        result = run("h1", *program("careful_client.py"), h2, word, "--port", str(TRICKY),
                     "--timeout", "5")
    lines = result.stdout.splitlines()
    got = [line for line in lines if line.startswith("reply from")]
    assert result.status == 0 and got == [f"reply from {h2}:{TRICKY}: {word.upper()} {secret}"], \
        f"exactly one reply, the genuine one (with {secret}){shown(result)}"
    ignored = [line for line in lines if not line.startswith(("asked ", "reply from"))]
    assert len(ignored) >= 4, \
        f"a line for each of the 4 datagrams ignored before the genuine reply{shown(result)}"


@pytest.mark.exercise(2)
def test_careful_client_gives_up(run, serve, program, lab_file):
    """A server that takes the request but answers too late (no ICMP error either): after
    --timeout 1, not before, the client must fail in one line, printing no reply."""
    with serve("www", "python3", lab_file("udp_remote.py"), "server", "--delay", "60",
               port=REMOTE, proto="udp"):
        result = run("h1", *timed(*program("careful_client.py"), "www", token(),
                                  "--timeout", "1"), timeout=15)
    clean_failure(result, "a server that never answers in time")
    assert "reply from" not in result.stdout, f"no reply came: none to print{shown(result)}"
    assert 0.9 < took(result) < 5, \
        f"--timeout 1: it should give up after about 1 s, not {took(result):.1f} s{shown(result)}"


# ---------------------------------------------------------------- Exercise 3: broadcast

@pytest.mark.exercise(3)
def test_broadcast_listeners(run, serve, capture, program, lab_file, topology):
    """h1 broadcasts, then sends h2 a second datagram by unicast: a listener answers every
    datagram, not only the first, and says who heard it."""
    word, again = token(), token()
    h1, h2 = str(topology["h1"].address), str(topology["h2"].address)
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
        run("h1", "python3", lab_file("udp_stray.py"), "stray", h2, str(BROADCAST),
            again).check()
        wait_until(lambda: again in heard["h2"].output(), 5,
                   f"the listener on h2 printed the second datagram, {again!r}")
        output = {host: server.output() for host, server in heard.items()}
    sport = re.search(r"from port (\d+)", result.stdout)[1]
    for host in ("h2", "h3"):
        assert re.search(rf"^heard from {re.escape(h1)}:{sport}: {word}$", output[host], re.M), \
            f"the listener on {host} should print `heard from {h1}:{sport}: {word}`:\n" \
            f"{output[host]}"
        assert re.search(rf"^answer from {topology[host].address}:{BROADCAST}: .*\b{host}\b",
                         result.stdout, re.M), \
            f"{host} should answer the sender with a text naming {host}{shown(result)}"
    assert re.search(rf"^heard from {re.escape(h1)}:\d+: {again}$", output["h2"], re.M), \
        f"h2 should print the unicast datagram too:\n{output['h2']}"
    assert word not in output["h4"], "h4 is on another LAN: it cannot hear home A's broadcast"
    assert carrying(home_a.packets, word, dst="192.168.1.255", eth_dst="ff:ff:ff:ff:ff:ff")
    assert any(p.src == h2 and p.dst == h1 and p.dport == int(sport) for p in home_a.packets), \
        "h2's answer should go back to h1 by unicast"
    assert not carrying(home_b.packets, word), "home B must see nothing of home A's broadcast"
