"""Grader for chapter 7: one protocol served many ways; what floods, stalls, filters and
silence do to each architecture, seen in the answers, the server's threads and the packets."""
import ipaddress
import re
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack

import pytest

from playground.grading import clean_failure, conversations, handshake, shown, tcp, token, \
    wait_until

SINGLE, POOL, THREADS, EVENTLOOP, ASYNC, INETD, BASE = 7001, 7002, 7003, 7004, 7005, 7006, 7007
POOL_SERVER, POLL_SERVER, FILTERED, LIMITED = 7010, 7020, 7030, 7040
INETD_LINE = ("7006 stream tcp4 nowait nobody /usr/bin/python3 python3 "
              "/labs/ch07/qa_inetd.py")


# --- helpers --------------------------------------------------------------------------------

def questions():
    """Fresh questions (and a line that is none) with the answers the protocol gives."""
    a, b, c = token(), token(), token()
    asked = [f"is {a} the word?", f"no question {b}", f"{b}   {c}?"]
    answers = [f"word the {a} is.", "error: a question ends with '?'", f"{c} {b}."]
    return asked, answers


def answered(result, answers) -> None:
    __tracebackhide__ = True
    assert result.status == 0 and result.stdout.splitlines() == [f"answer {a}" for a in answers], \
        f"expected the answers {answers}{shown(result)}"


def at_once(*calls):
    """Run each () -> Result in its own thread, so the clients are connected together."""
    with ThreadPoolExecutor(len(calls)) as pool:
        return [f.result() for f in [pool.submit(c) for c in calls]]


def modem(topology, name) -> str:
    """The address a server in the server room sees for the hosts behind a modem (NAT)."""
    return str(topology[name].interface("wan").ip)


def threads(run, server) -> int:
    """How many threads the server process has now, from the kernel (/proc/PID/status)."""
    status = run("www", "cat", f"/proc/{server.pid}/status").check().stdout
    return int(re.search(r"^Threads:\s+(\d+)", status, re.M).group(1))


def flooding(background, host, port, count, *how, hold=20):
    """flood.py on host, holding count connections to www:port; waits until it holds them."""
    flood = background(host, "python3", "/labs/ch07/flood.py", "www", "--port", str(port),
                       "--count", str(count), "--hold", str(hold), *how)
    return flood


def holding(flood, count) -> None:
    wait_until(lambda: f"holding {count} connections" in flood.output(), 20,
               f"flood.py holds {count} connections")


def client(run, program_argv, host, port, asked, *options, timeout=15):
    return lambda: run(host, *program_argv, "www", "--port", str(port), *asked, *options,
                       timeout=timeout)


def server_closes(packets, port, client_port):
    """The first FIN or RST the server sent on the connection from client_port."""
    return next((p for p in tcp(packets, port) if p.dport == client_port
                 and ("F" in p.flags or "R" in p.flags)), None)


def first_data(packets, port, client_port):
    return next((p for p in tcp(packets, port) if p.dport == client_port and p.payload), None)


# --- the example programs ---------------------------------------------------------------------

SERVERS = {SINGLE: ["single.py"], POOL: ["pool.py"], THREADS: ["threads.py"],
           BASE: ["threads.py", "--handler", "base", "--port", str(BASE)],
           EVENTLOOP: ["eventloop.py"], ASYNC: ["async_server.py"]}


def test_every_architecture_answers_alike(run, serve, lab_file, capture, topology):
    """Each server, with clients on h1-h4 at once: the same answers, the same bytes."""
    asked, answers = questions()
    qa_client = ["python3", lab_file("qa_client.py")]
    with ExitStack() as stack:
        for port, (name, *options) in SERVERS.items():
            stack.enter_context(serve("www", "python3", lab_file(name), *options, port=port))
        cap = stack.enter_context(capture("example", facing="www",
                                          filter=f"tcp portrange {SINGLE}-{BASE}"))
        for port in SERVERS:
            results = at_once(*(client(run, qa_client, h, port, asked)
                                for h in ("h1", "h2", "h3", "h4")))
            for result in results:
                answered(result, answers)
    wire = "".join(f"{a}\n" for a in answers).encode()
    for port in SERVERS:
        talks = conversations(cap.packets, port)
        assert len(talks) == 4, f"port {port}: expected 4 connections in {cap.path}"
        assert all(back == wire for _, back in talks.values()), \
            f"port {port}: the server's bytes differ from the protocol's answers ({cap.path})"
    sources = {p.src for p in cap.packets if p.dport in SERVERS}
    assert sources == {modem(topology, "modemA"), modem(topology, "modemB")}, \
        f"www should see only the modems' addresses, saw {sources}"


def test_inetd_serves_the_same_protocol(run, lab_file):
    """A service added to ftp's inetd: inetd listens, and starts qa_inetd.py per client."""
    asked, answers = questions()
    reload = "kill -HUP $(cat /run/inetd.pid)"
    listening = lambda: bool(run("ftp", "ss", "-ltnH", f"sport = :{INETD}").stdout.strip())
    try:
        run("ftp", "sh", "-c", f"echo '{INETD_LINE}' >> /etc/inetd.conf && {reload}").check()
        wait_until(listening, 10, f"inetd on ftp listens on port {INETD}")
        results = at_once(*(lambda h=h: run(h, "python3", lab_file("qa_client.py"), "ftp",
                                            "--port", str(INETD), *asked)
                            for h in ("h1", "h4")))
        for result in results:
            answered(result, answers)
    finally:
        run("ftp", "sh", "-c", f"sed -i '\\#/labs/ch07/qa_inetd.py#d' /etc/inetd.conf && "
                               f"{reload}").check()
    wait_until(lambda: not listening(), 10, f"inetd on ftp stops listening on {INETD}")


def test_thread_per_client_grows(run, serve, lab_file, background):
    count = 100
    with serve("www", "python3", lab_file("threads.py"), port=THREADS) as server:
        before = threads(run, server)
        with flooding(background, "h2", THREADS, count) as flood:
            holding(flood, count)
            wait_until(lambda: threads(run, server) >= before + count, 10,
                       f"threads.py has a thread for each of {count} idle clients")


def test_accept_pool_is_bounded_but_idle_clients_tie_it_up(run, serve, lab_file, background):
    workers = 3
    asked, answers = questions()
    qa_client = ["python3", lab_file("qa_client.py")]
    with serve("www", "python3", lab_file("pool.py"), "--workers", str(workers),
               port=POOL) as server:
        with flooding(background, "h2", POOL, workers) as flood:
            holding(flood, workers)
            stuck = client(run, qa_client, "h1", POOL, asked[:1], "--timeout", "1.5")()
            clean_failure(stuck, "h1 while every worker holds an idle client", "no answer")
            assert threads(run, server) == workers + 1
        answered(client(run, qa_client, "h1", POOL, asked)(), answers)   # freed again


def test_handler_timeout_and_reuse_address(run, serve, lab_file, background, capture, topology):
    with capture("example", facing="www", filter=f"tcp port {THREADS}") as cap:
        with serve("www", "python3", lab_file("threads.py"), "--idle", "1",
                   port=THREADS) as server:
            with flooding(background, "h4", THREADS, 1, hold=10) as flood:
                holding(flood, 1)
                wait_until(lambda: f"dropped {modem(topology, 'modemB')}" in server.output(),
                           5, "threads.py --idle 1 drops the silent client")
    syn = handshake(cap.packets, modem(topology, "modemB"), str(topology["www"].address),
                    THREADS)
    assert server_closes(cap.packets, THREADS, syn.sport), "no FIN from the server"
    # The server closed first, so its side of that connection sits in TIME_WAIT: only
    # allow_reuse_address (SO_REUSEADDR) lets a new server bind the port at once.
    with serve("www", "python3", lab_file("threads.py"), port=THREADS):
        pass


def test_blocking_timeout_and_nonblocking(run, serve, lab_file):
    with serve("www", "python3", lab_file("single.py"), port=SINGLE):
        result = run("h1", "python3", lab_file("modes.py"), "www", "--wait", "1").check()
    seen = re.findall(r"^(.*): (returned|raised) (.*) after ([\d.]+) s$", result.stdout, re.M)
    outcomes = [(how, what) for _, how, what, _ in seen]
    assert outcomes == [("raised", "TimeoutError"), ("raised", "BlockingIOError"),
                        ("returned", "[]"), ("returned", "1"),
                        ("returned", "b'there you are.\\n'")], result.stdout
    waited = [float(s) for *_, s in seen]
    assert waited[0] >= 0.9 and waited[2] >= 0.9, "a timeout of 1 s returned early"
    assert "gettimeout() = None" in result.stdout and "gettimeout() = 0.0" in result.stdout


# --- Exercise 1: a pool that idle clients cannot tie up ---------------------------------------

@pytest.mark.exercise(1)
def test_pool_stays_bounded_and_responsive_under_a_flood(run, serve, program, lab_file,
                                                        background, capture):
    workers = 4
    asked, answers = questions()
    qa_client = ["python3", lab_file("qa_client.py")]
    with serve("www", *program("pool_server.py"), "--workers", str(workers),
               port=POOL_SERVER) as server:
        bound = workers + 2      # the workers, the thread that calls serve(), one spare
        with flooding(background, "h2", POOL_SERVER, 150) as idle, \
                flooding(background, "h3", POOL_SERVER, 30, "--half") as half:
            holding(idle, 150)
            holding(half, 30)
            assert threads(run, server) <= bound, \
                f"more than {bound} threads with 180 clients connected{shown_server(server)}"
            with capture("example", facing="www", filter=f"tcp port {POOL_SERVER}") as cap:
                alone = client(run, qa_client, "h1", POOL_SERVER, asked, "--timeout", "5")()
            answered(alone, answers)
            for result in at_once(client(run, qa_client, "h3", POOL_SERVER, asked,
                                         "--timeout", "5", "--split", "0.2"),
                                  client(run, qa_client, "h4", POOL_SERVER, asked,
                                         "--timeout", "5", "--pipeline")):
                answered(result, answers)
            assert threads(run, server) <= bound, f"more than {bound} threads"
    wire = "".join(f"{a}\n" for a in answers).encode()
    assert [back for _, back in conversations(cap.packets, POOL_SERVER).values()] == [wire], \
        f"h1's answers are not on the wire as the protocol says ({cap.path})"


def shown_server(server) -> str:
    return f"\n--- the server printed:\n{server.output()}"


# --- Exercise 2: one thread, many clients, with poll ------------------------------------------

@pytest.mark.exercise(2)
def test_poll_server_serves_everyone_in_one_thread(run, serve, program, lab_file, background,
                                                   capture, topology):
    asked, answers = questions()
    qa_client = ["python3", lab_file("qa_client.py")]
    with serve("www", *program("poll_server.py"), port=POLL_SERVER) as server, \
            capture("example", facing="www", filter=f"tcp port {POLL_SERVER}") as cap:
        with flooding(background, "h2", POLL_SERVER, 3, "--half") as half, \
                flooding(background, "h2", POLL_SERVER, 2, "--greedy") as greedy:
            holding(half, 3)
            holding(greedy, 2)
            # h1 asks slowly (5 s): its connection stays open while h3 and h4 come and go.
            with background("h1", *qa_client, "www", "--port", str(POLL_SERVER), *asked,
                            *asked, "--pause", "1", "--timeout", "5") as slow:
                wait_until(lambda: "answer" in slow.output(), 5, "h1 gets its first answer"
                           + shown_server(server))
                for result in at_once(client(run, qa_client, "h3", POLL_SERVER, asked,
                                             "--timeout", "3", "--split", "0.3"),
                                      client(run, qa_client, "h4", POLL_SERVER, asked,
                                             "--timeout", "3", "--pipeline")):
                    answered(result, answers)
                assert threads(run, server) == 1, "the server must run in one thread"
                wait_until(lambda: not slow.alive(), 10, "h1's slow client finishes")
                assert slow.output().splitlines() == [f"answer {a}" for a in answers * 2], \
                    f"h1 (slow) got:\n{slow.output()}"
    h4 = modem(topology, "modemB")
    h4_answer = next((p for p in tcp(cap.packets, POLL_SERVER) if p.dst == h4 and p.payload),
                     None)
    assert h4_answer, f"no answer to h4 in {cap.path}"
    h1_port = slow_port(cap.packets, answers)
    h1_fin = next((p for p in tcp(cap.packets, POLL_SERVER)
                   if p.sport == h1_port and p.src != h4 and "F" in p.flags), None)
    assert h1_fin, f"h1's connection never closed ({cap.path})"
    assert h4_answer.time < h1_fin.time, "h4 was not served while h1's connection was open"


def slow_port(packets, answers) -> int:
    """The client port of h1's slow conversation: the one that asked every question twice."""
    wire = "".join(f"{a}\n" for a in answers * 2).encode()
    ports = [port for port, (_, back) in conversations(packets, POLL_SERVER).items()
             if back == wire]
    assert len(ports) == 1, "h1's slow conversation is not in the capture"
    return ports[0]


# --- Exercise 3: an address filter that knows about NAT ---------------------------------------

def filtered(run, serve, program, lab_file, capture, topology, allowed, served, refused):
    """Run the filter with `allowed`; the client on host `served` is answered, the one on
    `refused` is cut off right after the handshake, with nothing from the server."""
    asked, answers = questions()
    www = str(topology["www"].address)
    allow = [arg for net in allowed for arg in ("--allow", net)]
    with serve("www", *program("filtered_server.py"), *allow, port=FILTERED) as server:
        with capture("example", facing="www", filter=f"tcp port {FILTERED}") as cap:
            ok = run(served[0], "python3", lab_file("qa_client.py"), "www", "--port",
                     str(FILTERED), *asked)
            no = run(refused[0], "python3", lab_file("qa_client.py"), "www", "--port",
                     str(FILTERED), *asked)
    answered(ok, answers)
    clean_failure(no, f"{refused[0]}, which the filter refuses")
    log = server.output()
    assert f"served {served[1]}:" in log and f"refused {refused[1]}:" in log, \
        f"the server should name the modems' addresses (NAT){shown_server(server)}"
    assert "192.168." not in log, "a server on www never sees a home LAN address"
    syn = handshake(cap.packets, refused[1], www, FILTERED)   # accepted before it is judged
    close = server_closes(cap.packets, FILTERED, syn.sport)
    assert close, f"the server never closed {refused[0]}'s connection ({cap.path})"
    assert not first_data(cap.packets, FILTERED, syn.sport), \
        f"the server sent data to a refused client ({cap.path})"


@pytest.mark.exercise(3)
def test_filter_serves_home_a_and_refuses_home_b(run, serve, program, lab_file, capture,
                                                topology):
    a, b = modem(topology, "modemA"), modem(topology, "modemB")
    home_a = ipaddress.ip_network(f"{a}/31", strict=False)   # a network, not only one address
    assert ipaddress.ip_address(b) not in home_a
    decoy = f"10.{200 + int(token()[-2:], 16) % 50}.0.0/16"  # a first entry that never matches
    filtered(run, serve, program, lab_file, capture, topology, [decoy, str(home_a)],
             served=("h1", a), refused=("h4", b))


@pytest.mark.exercise(3)
def test_filter_follows_its_list(run, serve, program, lab_file, capture, topology):
    a, b = modem(topology, "modemA"), modem(topology, "modemB")
    filtered(run, serve, program, lab_file, capture, topology, [f"{b}/32"],
             served=("h4", b), refused=("h3", a))


# --- Exercise 4: an asyncio server whose silent clients free their slot -----------------------

@pytest.mark.exercise(4)
def test_silent_clients_free_their_slots(run, serve, program, lab_file, background, capture,
                                         topology):
    asked, answers = questions()
    h4 = modem(topology, "modemB")
    with serve("www", *program("limited_server.py"), "--slots", "2", "--timeout", "1.5",
               port=LIMITED):
        with capture("example", facing="www", filter=f"tcp port {LIMITED}") as cap:
            with flooding(background, "h2", LIMITED, 2, "--half") as silent:
                holding(silent, 2)
                result = run("h4", "python3", lab_file("qa_client.py"), "www", "--port",
                             str(LIMITED), *asked, "--timeout", "8")
    answered(result, answers)
    answer = next((p for p in tcp(cap.packets, LIMITED) if p.dst == h4 and p.payload), None)
    assert answer, f"no answer to h4 on the wire ({cap.path})"
    silent_ports = {p.sport for p in tcp(cap.packets, LIMITED)
                    if p.flags == "S" and p.src != h4}
    assert len(silent_ports) == 2, f"expected the 2 silent connections in {cap.path}"
    closes = [server_closes(cap.packets, LIMITED, port) for port in silent_ports]
    assert all(closes), f"the server never hung up on a silent client ({cap.path})"
    assert min(c.time for c in closes) < answer.time, \
        "h4 was answered before any silent client was hung up on: are there only 2 slots?"


@pytest.mark.exercise(4)
def test_a_busy_client_keeps_its_connection(run, serve, program, lab_file):
    asked, answers = questions()
    qa_client = ["python3", lab_file("qa_client.py"), "www", "--port", str(LIMITED)]
    with serve("www", *program("limited_server.py"), "--slots", "1", "--timeout", "1.5",
               port=LIMITED):
        # 3 questions 1 s apart: 2 s in all, more than the timeout, never silent for 1.5 s
        answered(run("h1", *qa_client, *asked, "--pause", "1"), answers)
        answered(run("h3", *qa_client, *asked, "--timeout", "3"), answers)   # slot given back
