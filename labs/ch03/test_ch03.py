"""Grader for chapter 3: TCP handshakes and closes, framing, deadlock, binding, TIME_WAIT."""
import hashlib

import pytest

from playground.grading import failure, handshake, tcp

FIXED_PORT, DEADLOCK_PORT, HALFCLOSE_PORT, REUSE_PORT, BIND_PORT = 3000, 3001, 3002, 3010, 3020
SIZE = 4_000_000   # what the deadlock clients send: the lowercase alphabet, repeated


def www(topology):
    """www's address: these TCP tests do not depend on DNS (chapter 4's subject)."""
    return str(topology["www"].address)


def first(packets, what, cap):
    assert packets, f"no {what} in {cap.path}"
    return packets[0]


# --- the example programs ---------------------------------------------------------------

def test_half_close_answer_follows_client_fin(run, serve, lab_file, capture, topology):
    client = str(topology["modemA"].interface("wan").ip)   # h1 as www sees it, after NAT
    server = str(topology["www"].address)
    text = "the quick brown fox\njumps over\nthe lazy dog\n"
    expected = (f"{len(text.splitlines())} lines, {len(text.split())} words, "
                f"{len(text.encode())} bytes")
    with serve("www", "python3", lab_file("halfclose.py"), "server", port=HALFCLOSE_PORT):
        with capture("example", facing="www", filter=f"tcp port {HALFCLOSE_PORT}") as cap:
            result = run("h1", "python3", lab_file("halfclose.py"), "client", www(topology),
                         stdin=text).check()
    assert result.stdout.strip() == expected
    handshake(cap.packets, client, server, HALFCLOSE_PORT)
    segs = tcp(cap.packets, HALFCLOSE_PORT)
    client_fin = first([p for p in segs if "F" in p.flags and p.src == client], "client FIN", cap)
    answer = first([p for p in segs if p.src == server and p.payload], "answer from server", cap)
    server_fin = first([p for p in segs if "F" in p.flags and p.src == server], "server FIN", cap)
    assert client_fin.time <= answer.time <= server_fin.time, \
        "expected: client FIN, then the server's answer, then the server's FIN"
    assert not [p for p in segs if "R" in p.flags], f"unexpected RST in {cap.path}"


def test_deadlock_shows_zero_window(run, serve, lab_file, capture, topology):
    client = str(topology["modemA"].interface("wan").ip)
    with serve("www", "python3", lab_file("deadlock.py"), "server", port=DEADLOCK_PORT):
        with capture("example", facing="www", filter=f"tcp port {DEADLOCK_PORT}") as cap:
            result = run("h1", "python3", lab_file("deadlock.py"), "client", www(topology),
                         "--size", str(SIZE), timeout=20)
    assert not result.timed_out, "the deadlock demo must give up by itself"
    assert result.status != 0 and "deadlock: neither side is reading" in result.stderr, \
        failure(result)
    zero = [p for p in tcp(cap.packets, DEADLOCK_PORT) if p.window == 0 and "R" not in p.flags]
    assert any(p.src == client for p in zero), \
        f"no zero window advertised by the client (which never reads) in {cap.path}"


def test_loopback_bound_server_refuses_remote_clients(run, serve, lab_file, capture, topology):
    client = str(topology["modemA"].interface("wan").ip)
    server = str(topology["www"].address)
    program = lab_file("bind_demo.py")
    with serve("www", "python3", program, "server", "--bind", "127.0.0.1", port=BIND_PORT):
        with capture("example", facing="www", filter=f"tcp port {BIND_PORT}") as cap:
            remote = run("h1", "python3", program, "client", www(topology))
        local = run("www", "python3", program, "client", "127.0.0.1").check()
    assert remote.status != 0 and "refused" in remote.stderr.lower(), failure(remote)
    assert "this is 127.0.0.1" in local.stdout
    segs = tcp(cap.packets, BIND_PORT)
    syn = first([p for p in segs if p.flags == "S" and p.src == client], "SYN", cap)
    first([p for p in segs if "R" in p.flags and p.src == server and p.dport == syn.sport],
          f"RST from {server} answering the SYN", cap)
    with serve("www", "python3", program, "server", "--bind", "0.0.0.0", "--port",
               str(BIND_PORT + 1), port=BIND_PORT + 1):
        remote = run("h1", "python3", program, "client", server, "--port", str(BIND_PORT + 1))
    remote.check()
    assert remote.stdout.startswith(f"hello {client}, this is {server}:"), remote.stdout


def test_time_wait_blocks_rebinding_without_reuseaddr(run, lab_file):
    out = run("h1", "python3", lab_file("reuseaddr.py")).check().stdout
    assert "TIME-WAIT: " in out and f"127.0.0.1:{REUSE_PORT}" in out, out
    assert f"without SO_REUSEADDR: bind 127.0.0.1:{REUSE_PORT} failed: EADDRINUSE" in out, out
    assert f"with SO_REUSEADDR: bind 127.0.0.1:{REUSE_PORT} ok" in out, out
    states = run("h1", "ss", "-tanH", "state", "time-wait", f"sport = :{REUSE_PORT}").check()
    assert states.stdout.strip(), "the kernel shows no TIME-WAIT socket on the port"


# --- Exercise 1: recvall for fixed-length messages ----------------------------------------

@pytest.mark.exercise(1)
def test_recvall_reassembles_dribbled_replies(run, serve, program, lab_file, capture,
                                              topology):
    words = ["hello", "fixed", "abcdefghijklmnop"]
    server = str(topology["www"].address)
    with serve("www", "python3", lab_file("fixed_server.py"), "--dribble", port=FIXED_PORT):
        with capture("example", facing="www", filter=f"tcp port {FIXED_PORT}") as cap:
            result = run("h1", *program("fixed_client.py"), www(topology), *words)
    assert result.status == 0, failure(result)
    assert result.stdout.split() == [w.upper() for w in words]
    pieces = [p for p in tcp(cap.packets, FIXED_PORT) if p.src == server and p.payload]
    assert len(pieces) >= 16 * len(words) // 2, \
        f"the server's replies were not split into small segments in {cap.path}"


@pytest.mark.exercise(1)
def test_recvall_reports_a_peer_that_hangs_up(run, serve, program, lab_file, topology):
    with serve("www", "python3", lab_file("fixed_server.py"), "--cut", "20", port=FIXED_PORT):
        result = run("h1", *program("fixed_client.py"), www(topology),
                     "first", "second", timeout=15)
    assert not result.timed_out, "the client must stop when recv() returns b'' (EOF)"
    assert result.status != 0, "a reply cut short must be an error"
    assert result.stdout.split() == ["FIRST"], "the complete first reply must be printed"
    assert "Traceback" not in result.stderr and "closed" in result.stderr, failure(result)


# --- Exercise 2: no deadlock ----------------------------------------------------------------

@pytest.mark.exercise(2)
def test_no_deadlock_with_reading_while_sending(run, serve, program, lab_file, capture,
                                                topology):
    expected = hashlib.sha256((b"abcdefghijklmnopqrstuvwxyz" * (SIZE // 26 + 1))[:SIZE]
                              .upper()).hexdigest()[:16]
    flags = f"tcp port {DEADLOCK_PORT} and tcp[tcpflags] & (tcp-syn|tcp-fin|tcp-rst) != 0"
    with serve("www", "python3", lab_file("deadlock.py"), "server", port=DEADLOCK_PORT) as server:
        with capture("example", facing="www", filter=flags) as cap:
            result = run("h1", *program("nodeadlock_client.py"), www(topology),
                         "--size", str(SIZE), timeout=30)
        assert result.status == 0, failure(result)
        assert result.stdout.strip() == \
            f"sent {SIZE} bytes, received {SIZE} bytes, sha256 {expected}"
        assert f"echoed {SIZE} bytes, sha256 {expected}" in server.output()
    fins = [p for p in cap.packets if "F" in p.flags]
    assert len(fins) >= 2 and not any("R" in p.flags for p in cap.packets), \
        f"expected a FIN from each side and no RST in {cap.path}"
    assert fins[0].dport == DEADLOCK_PORT, "the client should half-close first (shutdown SHUT_WR)"
