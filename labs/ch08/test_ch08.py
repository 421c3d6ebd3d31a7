"""Grader for chapter 8: memcached counted by memcached itself (`stats` before and after),
keys spread over several real memcached servers and counted where they land, a ZeroMQ
pipeline between www and h2-h4 through the NAT, and a multiprocessing.connection service;
on the wire (example's link to www): memcached's text protocol, ZMTP greetings, the
challenge and welcome of multiprocessing and the pickles after them, all in clear.

The lab's memcached on www:11211 is shared: tests that use it put a fresh token() before
every key and count only their own. Tests that count memcached's own counters start a private
memcached on www on a port of 8000-8099, so nobody else's traffic is in the figures."""
import json
import random
import re
from contextlib import ExitStack

import pytest

from playground.grading import clean_failure, conversations, shown, tcp, token, wait_until

LAB_MEMCACHED = 11211
EX1_MEMCACHED = 8010
RING_PORTS = range(8011, 8020)
TASKS, RESULTS = 8020, 8021
PUB, REP = 8030, 8040
MP = 8050
WWW = "10.130.1.4"
MODEM_A, MODEM_B = "10.25.1.65", "10.25.1.66"
COUNTERS = ("get_hits", "get_misses", "cmd_get", "cmd_set", "curr_items")


# --- helpers ----------------------------------------------------------------------------

@pytest.fixture
def memcached(serve):
    """memcached(port) -> a private memcached on www (8 MiB), stopped afterwards."""
    def start(port):
        return serve("www", "memcached", "-u", "memcache", "-l", "0.0.0.0", "-p", str(port),
                     "-m", "8", "-U", "0", port=port)
    return start


@pytest.fixture
def counters(run, lab_file):
    """counters(port) -> memcached's own counters on www:port (asked on www itself)."""
    def ask(port):
        result = run("www", "python3", lab_file("mc_stats.py"), f"www:{port}", *COUNTERS)
        assert result.status == 0, shown(result)
        return {k: int(v) for k, v in json.loads(result.stdout).items()}
    return ask


def delta(before, after):
    return {k: after[k] - before[k] for k in ("get_hits", "get_misses", "cmd_set")}


def summary(result):
    """(hits, misses) from cache_lookup.py's last line; the squares printed before it."""
    assert result.status == 0, shown(result)
    *lines, last = result.stdout.strip().splitlines()
    match = re.match(r"hits (\d+) misses (\d+) ", last)
    assert match, f"no summary line{shown(result)}"
    return int(match[1]), int(match[2]), [line.split() for line in lines]


def commands(data: bytes) -> list[list[str]]:
    """The command lines of memcached's text protocol in a client's bytes (a value's data
    line after a set is skipped)."""
    out, lines = [], iter(data.decode("latin-1").split("\r\n"))
    for line in lines:
        words = line.split()
        if words:
            out.append(words)
            if words[0] in ("set", "add", "replace", "cas"):
                next(lines, None)
    return out


def zmtp_greeting(data: bytes) -> bool:
    """Does data start with a ZMTP 3 greeting: signature 0xFF, 8 bytes, 0x7F, version 3?"""
    return len(data) >= 11 and data[0] == 0xFF and data[9] == 0x7F and data[10] == 3


# --- the example programs -----------------------------------------------------------------

def test_stats_in_memcached_text_protocol(run, lab_file, capture):
    with capture("example", facing="www", filter=f"tcp port {LAB_MEMCACHED}") as cap:
        result = run("h1", "python3", lab_file("mc_stats.py"), "www")
    assert result.status == 0, shown(result)
    stats = json.loads(result.stdout)
    assert stats["version"].startswith("1.") and int(stats["limit_maxbytes"]) == 64 << 20
    mine = [(c, s) for c, s in conversations(cap.packets, LAB_MEMCACHED).values()
            if c == b"stats\r\n"]
    assert len(mine) == 1, "no connection carrying exactly `stats` in the capture"
    reply = mine[0][1]
    assert reply.startswith(b"STAT pid ") and reply.endswith(b"END\r\n")


def test_sharding_schemes_balance_and_movement(run, lab_file):
    tables = []
    for _ in range(2):
        result = run("h1", "python3", lab_file("sharding.py"), "--servers", "4")
        assert result.status == 0, shown(result)
        tables.append({m[1]: ([int(c) for c in m[2].split()], int(m[3]))
                       for m in re.finditer(r"^ *(\S+): ([\d ]+?) +moved (\d+)%$",
                                            result.stdout, re.M)})
    first = tables[0]
    assert set(first) == {"first-letter", "hash()", "md5"}, shown(result)
    letters, md5 = first["first-letter"][0], first["md5"][0]
    assert max(letters) > 3 * min(letters), f"first letters should be uneven: {letters}"
    ideal = sum(md5) / 4
    assert all(0.8 * ideal < c < 1.2 * ideal for c in md5), f"md5 should be even: {md5}"
    assert first["md5"][1] > 60 and first["hash()"][1] > 60, "modulo moves most keys"
    assert tables[1]["md5"] == first["md5"], "md5 is the same in every process"
    assert tables[1]["hash()"] != first["hash()"], "hash() should differ between processes"


def test_pub_sub_filters_at_the_publisher(run, serve, lab_file, capture):
    word = token()
    with serve("www", "python3", lab_file("zmq_patterns.py"), "pub", "--word", word,
               "--interval", "0.05", port=PUB):
        with capture("example", facing="www", filter=f"tcp port {PUB}") as cap:
            result = run("h1", "python3", lab_file("zmq_patterns.py"), "sub", "www", "sport",
                         "--count", "5")
    assert result.status == 0, shown(result)
    lines = result.stdout.splitlines()
    assert len(lines) == 5 and all(re.fullmatch(rf"sport \d+ {word}", line) for line in lines)
    (client, server), = conversations(cap.packets, PUB).values()
    assert zmtp_greeting(client) and zmtp_greeting(server)
    assert b"SUBSCRIBEsport" in client, "the subscription travels to the publisher"
    assert b"sport" in server and b"news" not in server and b"weather" not in server, \
        "the publisher should send only the subscribed topic"


def test_req_rep_in_lockstep(run, serve, lab_file, capture):
    words = [token(), token()]
    with serve("www", "python3", lab_file("zmq_patterns.py"), "rep", port=REP):
        with capture("example", facing="www", filter=f"tcp port {REP}") as cap:
            result = run("h4", "python3", lab_file("zmq_patterns.py"), "req", "www", *words)
    assert result.stdout.splitlines() == [f"{w.upper()} (reply {n} from www)"
                                          for n, w in enumerate(words, 1)], shown(result)
    syns = [p for p in tcp(cap.packets, REP) if p.flags == "S"]
    assert [(p.src, p.dst) for p in syns] == [(MODEM_B, WWW)], "h4 connects, through modemB"


# --- Exercise 1: a cache-aside lookup -------------------------------------------------------

@pytest.mark.exercise(1)
def test_ex1_counted_by_memcached(run, program, memcached, counters, capture):
    prefix, ttl = token(), random.randint(30, 300)
    a, b, c = random.sample(range(1, 10**6), 3)
    numbers = [0, a, b, a, 0, c, b, 0, a]
    distinct = len(set(numbers))
    argv = [*program("cache_lookup.py"), f"www:{EX1_MEMCACHED}", *map(str, numbers),
            "--prefix", prefix, "--ttl", str(ttl)]
    with memcached(EX1_MEMCACHED):
        for run_number, (hits, misses, sets) in enumerate(
                [(len(numbers) - distinct, distinct, distinct), (len(numbers), 0, 0)], 1):
            before = counters(EX1_MEMCACHED)
            with capture("example", facing="www", filter=f"tcp port {EX1_MEMCACHED}") as cap:
                result = run("h1", *argv)
            said_hits, said_misses, squares = summary(result)
            assert squares == [[str(n), str(n * n)] for n in numbers], shown(result)
            counted = delta(before, counters(EX1_MEMCACHED))
            want = {"get_hits": hits, "get_misses": misses, "cmd_set": sets}
            assert counted == want, f"run {run_number}: memcached counted {counted}, " \
                f"expected {want} for {numbers}{shown(result)}"
            assert (said_hits, said_misses) == (hits, misses), shown(result)
            sent = [cmd for client, _ in conversations(cap.packets, EX1_MEMCACHED).values()
                    for cmd in commands(client)]
            stored = [cmd for cmd in sent if cmd[0] == "set"]
            assert sorted(cmd[1] for cmd in stored) == \
                sorted(f"{prefix}:{n}" for n in set(numbers) if run_number == 1)
            assert all(cmd[3] == str(ttl) for cmd in stored), \
                f"every set should carry the ttl {ttl}: {stored}"


@pytest.mark.exercise(1)
def test_ex1_hit_ratio_rises_on_the_lab_memcached(run, program, capture):
    prefix = token()
    base = random.randint(1000, 10**6)
    rounds = [range(base, base + 4), range(base, base + 8), range(base, base + 8)]
    with capture("example", facing="www", filter=f"tcp port {LAB_MEMCACHED}") as cap:
        results = [run("h2", *program("cache_lookup.py"), "www", *map(str, numbers),
                       "--prefix", prefix) for numbers in rounds]
    assert [summary(r)[:2] for r in results] == [(0, 4), (4, 4), (8, 0)], \
        "".join(shown(r) for r in results)
    mine = [(client, server) for client, server in
            conversations(cap.packets, LAB_MEMCACHED).values() if prefix.encode() in client]
    assert len(mine) == 3, f"expected 3 connections with our keys, saw {len(mine)}"
    client, server = mine[2]
    assert [cmd[:2] for cmd in commands(client)] == [["get", f"{prefix}:{n}"]
                                                     for n in rounds[2]]
    assert server.count(f"VALUE {prefix}:".encode()) == 8 and server.endswith(b"END\r\n")
    client, server = mine[0]
    assert b"\r\nSTORED\r\n" in b"\r\n" + server and f"set {prefix}:{base} ".encode() in client


# --- Exercise 2: a consistent-hash ring ------------------------------------------------------

def assignment(result, servers) -> dict:
    """{key: server} from ring_shard.py's output, checked against its counts."""
    assert result.status == 0, shown(result)
    lines = result.stdout.splitlines()
    keys = dict(line.split()[:2] for line in lines[:-len(servers)])
    counts = {s: int(n) for s, n in re.findall(r"^(\S+): (\d+) keys$", result.stdout, re.M)}
    assert counts == {s: list(keys.values()).count(s) for s in servers}, shown(result)
    return keys


def moved(before: dict, after: dict) -> tuple[float, set]:
    """The share of keys that changed server, and where they went."""
    changed = [k for k in before if before[k] != after[k]]
    return len(changed) / len(before), {after[k] for k in changed}


@pytest.mark.exercise(2)
def test_ex2_balanced_and_moves_only_to_the_new_server(run, program):
    servers, new, prefix, count = [token() for _ in range(8)], token(), token(), 20000
    maps = [assignment(run("h1", *program("ring_shard.py"), "map", "--servers", ",".join(s),
                           "--keys", str(count), "--prefix", prefix), s)
            for s in (servers, servers + [new])]
    assert sorted(maps[0]) == sorted(f"{prefix}:{i}" for i in range(count))
    ideal = count / len(servers)
    load = {s: list(maps[0].values()).count(s) for s in servers}
    assert all(0.5 * ideal <= n <= 1.6 * ideal for n in load.values()), \
        f"uneven: {sorted(load.values())} keys per server (ideal {ideal:.0f})"
    share, where = moved(*maps)
    assert where <= {new}, f"keys moved between old servers too: {where - {new}}"
    assert 0.04 <= share <= 0.22, f"{share:.0%} of the keys moved when a 9th server joined"


@pytest.mark.exercise(2)
def test_ex2_keys_found_where_the_ring_says(run, program, memcached, counters):
    ports = random.sample(RING_PORTS, 4)
    servers = [f"www:{p}" for p in ports]
    prefix, count = token(), 600
    with ExitStack() as stack:
        for port in ports:
            stack.enter_context(memcached(port))
        stored = assignment(run("h1", *program("ring_shard.py"), "store", "--servers",
                                ",".join(servers[:3]), "--keys", str(count),
                                "--prefix", prefix), servers[:3])
        items = {s: counters(p)["curr_items"] for s, p in zip(servers, ports)}
        assert items == {s: list(stored.values()).count(s) for s in servers}, \
            f"memcached holds {items}, the program said {stored}"
        result = run("h2", *program("ring_shard.py"), "check", "--servers", ",".join(servers),
                     "--keys", str(count), "--prefix", prefix)
        found = assignment(result, servers)
        after = {s: counters(p) for s, p in zip(servers, ports)}
    share, where = moved(stored, found)
    assert where <= {servers[3]} and 0.1 <= share <= 0.4, \
        f"{share:.0%} of the keys moved, to {where}: expected about 1/4, all to the new server"
    stayed = sum(stored[k] == found[k] for k in stored)
    hits = sum(c["get_hits"] for c in after.values())
    assert hits == stayed, f"memcached found {hits} keys, {stayed} had not moved"
    assert after[servers[3]]["get_misses"] == count - stayed
    marks = dict(line.split()[::2] for line in result.stdout.splitlines()[:count])
    assert all((marks[k] == "hit") == (stored[k] == found[k]) for k in stored)


# --- Exercise 3: a ZeroMQ pipeline worker ----------------------------------------------------

@pytest.mark.exercise(3)
def test_ex3_results_complete_and_spread(run, serve, background, program, lab_file, capture):
    word, names, count = token(), {h: token() for h in ("h2", "h3", "h4")}, 30
    idle = 2
    with capture("example", facing="www", filter=f"tcp port {TASKS} or tcp port {RESULTS}") \
            as cap, ExitStack() as stack:
        pipeline = stack.enter_context(serve(
            "www", "python3", lab_file("zmq_pipeline.py"), "--workers", "3", "--tasks",
            str(count), "--word", word, "--wait", "8", port=RESULTS))
        workers = [stack.enter_context(background(host, *program("zmq_worker.py"), "www",
                                                  "--name", name, "--idle", str(idle)))
                   for host, name in names.items()]
        wait_until(lambda: not pipeline.alive(), 25, "the pipeline on www finishes")
        out = pipeline.output()
        assert f"complete {count}/{count}" in out, f"the pipeline said:\n{out}" + \
            "".join(f"\n--- worker:\n{w.output()}" for w in workers)
        done = {m[1]: int(m[2]) for m in re.finditer(r"^(\S+): (\d+) tasks$", out, re.M)}
        assert set(done) == set(names.values()) and min(done.values()) >= count // 6, \
            f"the tasks should be spread over the three workers: {done}"
        wait_until(lambda: not any(w.alive() for w in workers), idle + 6,
                   f"the workers end by themselves {idle} s after the last task")
    for worker, name in zip(workers, names.values()):
        assert worker.output().strip().endswith(f"{name}: {done[name]} tasks"), worker.output()
    accepted = [(p.dst, p.sport) for p in tcp(cap.packets, TASKS) + tcp(cap.packets, RESULTS)
                if p.flags == "SA" and p.src == WWW]   # (once www is gone, workers retry)
    assert sorted(accepted) == sorted([(MODEM_A, TASKS), (MODEM_A, RESULTS)] * 2
                                      + [(MODEM_B, TASKS), (MODEM_B, RESULTS)]), \
        f"each worker connects to www twice, through its modem: {accepted}"
    streams = list(conversations(cap.packets, TASKS).values())
    assert all(zmtp_greeting(c) and zmtp_greeting(s) for c, s in streams)
    assert sum(s.count(f'"{word}-'.encode()) for _, s in streams) == count, "tasks in clear"


# --- Exercise 4: an authenticated multiprocessing service ------------------------------------

@pytest.fixture
def mp_service(serve, program):
    """mp_service(key) -> mp_server.py (the answers') on www with that key."""
    def start(key):
        return serve("www", *program("mp_server.py"), "--key", key, port=MP)
    return start


def client(run, lab_file, host, key, *words, timeout=8):
    return run(host, "python3", lab_file("mp_client.py"), "www", "--key", key, *words,
               timeout=timeout)


@pytest.mark.exercise(4)
def test_ex4_honest_clients_served_across_hosts(run, lab_file, mp_service, capture):
    key, name, value = token(), token(), token()
    with mp_service(key), capture("example", facing="www", filter=f"tcp port {MP}") as cap:
        put = client(run, lab_file, "h1", key, f"{name}={value}", name, "--names")
        got = client(run, lab_file, "h4", key, name, name)
    stored = repr({"value": value, "by": "h1"})
    assert put.stdout.splitlines() == ["True", stored, repr([name])], shown(put)
    assert got.stdout.splitlines() == [stored, stored], shown(got)
    talks = list(conversations(cap.packets, MP).values())
    assert len(talks) == 2, f"expected the two clients' connections, saw {len(talks)}"
    for sent, answered in talks:
        assert answered.find(b"#CHALLENGE#") < answered.find(b"#WELCOME#"), \
            "the server challenges the client, then welcomes it"
        assert b"#CHALLENGE#" in sent and b"#WELCOME#" in sent, "and the client the server"
    sent, answered = talks[0] if value.encode() in talks[0][0] else talks[1]
    assert value.encode() in sent and name.encode() in answered and b"\x80" in sent, \
        "after the handshake, the pickles cross in clear: authentication is not encryption"


@pytest.mark.exercise(4)
def test_ex4_wrong_key_refused_and_server_keeps_serving(run, lab_file, mp_service, capture):
    key, name, value = token(), token(), token()
    hang_up = ("import socket; s = socket.create_connection(('www', %d)); s.recv(64); "
               "s.close()" % MP)
    with mp_service(key) as server:
        with capture("example", facing="www", filter=f"tcp port {MP}") as cap:
            wrong = client(run, lab_file, "h4", token(), f"{name}=stolen")
        clean_failure(wrong, "a client with a wrong key", "refused")
        (_, answered), = conversations(cap.packets, MP).values()
        assert b"#CHALLENGE#" in answered and b"#FAILURE#" in answered
        for step in range(3):
            honest = client(run, lab_file, "h1", key, f"{name}={value}{step}", name)
            assert honest.stdout.splitlines() == [
                "True", repr({"value": f"{value}{step}", "by": "h1"})], \
                f"an honest client after a refused one (round {step}){shown(honest)}"
            if step == 0:
                run("h2", "python3", "-c", hang_up).check()
            else:
                clean_failure(client(run, lab_file, "h3", token(), name),
                              "another client with a wrong key", "refused")
        assert server.alive(), f"the server stopped:\n{server.output()}"


@pytest.mark.exercise(4)
def test_ex4_clients_served_at_the_same_time(run, lab_file, background, mp_service):
    key, name = token(), token()
    with mp_service(key):
        with background("h4", "python3", lab_file("mp_client.py"), "www", "--key", key,
                        f"{name}=early", "--hold", "8") as early:
            wait_until(lambda: "True" in early.output(), 5, "the first client is served")
            later = client(run, lab_file, "h1", key, name, timeout=4)
            assert later.stdout.splitlines() == [repr({"value": "early", "by": "h4"})], \
                f"a second client while the first is still connected{shown(later)}"
