"""Grader for chapter 3: TCP handshakes and closes, framing, deadlock, binding, TIME_WAIT."""
import hashlib
import random
import re

import pytest

from playground.grading import clean_failure, failure, handshake, shown, tcp, token, wait_until

FIXED_PORT, DEADLOCK_PORT, HALFCLOSE_PORT, REUSE_PORT, BIND_PORT = 3000, 3001, 3002, 3010, 3020
STRADDLE_PORT, CUT_PORT, SILENT_PORT, ECHO_PORT, RESET_PORT = 3030, 3031, 3032, 3033, 3034
HANGUP_PORT, FORGET_PORT = 3040, 3041   # hangup_server.py: your answer(), --forget
PEERS_PORT = RESET_PORT   # peers.py binds its ports in order: once the last listens, all do
SIZE = 16                 # fixed_client.py's messages
DEADLOCK_SIZE = 4_000_000   # what the deadlock clients send: the lowercase alphabet, repeated


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
                         "--size", str(DEADLOCK_SIZE), "--stall", "1", timeout=20)
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

def fixed_client(run, program, topology, port, words, timeout):
    """fixed_client.py on h1 against www:port, sending words, with its --timeout."""
    return run("h1", *program("fixed_client.py"), www(topology), *words, "--port", str(port),
               "--timeout", str(timeout), timeout=timeout + 5)


@pytest.mark.exercise(1)
def test_recvall_reassembles_dribbled_replies(run, serve, program, lab_file, capture,
                                              topology):
    words = [token(), token() + "abcde", token()]   # fresh each run; one exactly 16 bytes
    server = str(topology["www"].address)
    with serve("www", "python3", lab_file("fixed_server.py"), "--dribble", port=FIXED_PORT):
        with capture("example", facing="www", filter=f"tcp port {FIXED_PORT}") as cap:
            result = fixed_client(run, program, topology, FIXED_PORT, words, 5)
    assert result.status == 0, f"fixed_server.py --dribble: {failure(result)}{shown(result)}"
    assert result.stdout.splitlines() == [w.upper() for w in words], \
        f"sent {words}: expected each reply in capitals on a line of its own{shown(result)}"
    pieces = [p for p in tcp(cap.packets, FIXED_PORT) if p.src == server and p.payload]
    assert len(pieces) >= SIZE * len(words) // 2, \
        f"the server's replies were not split into small segments in {cap.path}"


@pytest.mark.exercise(1)
def test_recvall_against_difficult_servers(run, serve, program, lab_file, topology):
    """Replies that are not the requests in capitals, in pieces that straddle the messages
    after a long pause; a reply cut off at a random byte; a server that never answers."""
    replies = [token(), token() + "abcde", token()]
    arrived = random.randrange(1, SIZE)   # bytes of the second reply before the hang-up
    words = [token() for _ in replies]
    with serve("www", "python3", lab_file("peers.py"), *replies, "--cut", str(SIZE + arrived),
               port=PEERS_PORT):
        straddled = fixed_client(run, program, topology, STRADDLE_PORT, words, 3)
        assert straddled.status == 0 and straddled.stdout.splitlines() == replies, \
            (f"peers.py on {STRADDLE_PORT} replied {replies} (not the requests in capitals), "
             f"in 7-byte pieces after a pause: expected exactly those lines{shown(straddled)}")
        cut = fixed_client(run, program, topology, CUT_PORT, words, 3)
        line = clean_failure(cut, f"EOF after {arrived} of {SIZE} bytes of a reply", "closed")
        assert cut.stdout.splitlines() == replies[:1], \
            f"a reply and {arrived} bytes, then EOF: expected the first reply{shown(cut)}"
        assert re.search(rf"\b{arrived}\b.*\b{SIZE}\b", line), \
            f"the error should say {arrived} of the {SIZE} bytes arrived{shown(cut)}"
        silent = fixed_client(run, program, topology, SILENT_PORT, words, 0.5)
        clean_failure(silent, "a server that never answers, --timeout 0.5", "timed out")


# --- Exercise 2: no deadlock ----------------------------------------------------------------

def nodeadlock_client(run, program, topology, port, size, timeout=10):
    """nodeadlock_client.py on h1 against www:port, sending size bytes, with its --timeout."""
    return run("h1", *program("nodeadlock_client.py"), www(topology), "--port", str(port),
               "--size", str(size), "--timeout", str(timeout), timeout=timeout + 20)


def capitals(size):
    """What an echo in capitals sends back for size bytes of the client's sample data."""
    return (b"ABCDEFGHIJKLMNOPQRSTUVWXYZ" * (size // 26 + 1))[:size]


def digest(data):
    return hashlib.sha256(data).hexdigest()[:16]


@pytest.mark.exercise(2)
def test_no_deadlock_with_reading_while_sending(run, serve, program, lab_file, capture,
                                                topology):
    size = DEADLOCK_SIZE + random.randrange(1, 100_000)   # varies: no digest can be learnt
    expected = digest(capitals(size))
    flags = f"tcp port {DEADLOCK_PORT} and tcp[tcpflags] & (tcp-syn|tcp-fin|tcp-rst) != 0"
    with serve("www", "python3", lab_file("deadlock.py"), "server", port=DEADLOCK_PORT) as server:
        with capture("example", facing="www", filter=flags) as cap:
            result = nodeadlock_client(run, program, topology, DEADLOCK_PORT, size)
        assert result.status == 0, f"deadlock.py server, --size {size}: {failure(result)}" \
                                   f"{shown(result)}"
        assert result.stdout == f"sent {size} bytes, received {size} bytes, sha256 {expected}\n", \
            f"expected all {size} bytes back in capitals{shown(result)}"
        assert f"echoed {size} bytes, sha256 {expected}" in server.output(), \
            f"the server did not echo all {size} bytes:\n{server.output()}"
    fins = [p for p in cap.packets if "F" in p.flags]
    assert len(fins) >= 2 and not any("R" in p.flags for p in cap.packets), \
        f"expected a FIN from each side and no RST in {cap.path}"
    assert fins[0].dport == DEADLOCK_PORT, "the client should half-close first (shutdown SHUT_WR)"


@pytest.mark.exercise(2)
def test_exchange_against_difficult_servers(run, serve, program, lab_file, topology):
    """An echo with a line before and after it (more than the client sent); a server that
    resets the connection half-way; a server that never answers."""
    say, size, reset_after = token(), 700_000 + random.randrange(1, 100_000), 100_000
    with serve("www", "python3", lab_file("peers.py"), "x", "--say", say, "--reset-after",
               str(reset_after), port=PEERS_PORT):
        echoed = nodeadlock_client(run, program, topology, ECHO_PORT, size, timeout=5)
        line = f"{say}\n".encode()
        back = line + capitals(size) + line
        assert echoed.stdout == (f"sent {size} bytes, received {len(back)} bytes, "
                                 f"sha256 {digest(back)}\n"), \
            (f"peers.py on {ECHO_PORT} sends {say!r}, the echo of {size} bytes, and {say!r} "
             f"again before its FIN (each line ends in a newline): expected all of it"
             f"{shown(echoed)}")
        reset = nodeadlock_client(run, program, topology, RESET_PORT, 1_000_000, timeout=5)
        clean_failure(reset, f"a server that resets the connection after {reset_after} bytes")
        silent = nodeadlock_client(run, program, topology, SILENT_PORT, 100_000, timeout=0.5)
        clean_failure(silent, "a server that never answers, --timeout 0.5", "timed out")


# --- connection states with ss, HTTP by hand, exercise 3 ----------------------------------

def states(run, host, state, port, side):
    """The connections of host in a TCP state (ss's name), to or from port."""
    out = run(host, "ss", "-tanH", "state", state, f"( {side} = :{port} )").check().stdout
    return out.splitlines()


def test_forgetful_server_leaves_close_wait_and_the_client_fin_wait(run, serve, background,
                                                                   lab_file, topology):
    # A client that keeps its connection open until the test stops it (its exit closes it).
    holder = ("import signal, socket\n"
              f"s = socket.create_connection(('{www(topology)}', {FORGET_PORT}))\n"
              "s.sendall(b'hello'); print(s.recv(100).decode(), flush=True); signal.pause()")
    with serve("www", "python3", lab_file("hangup_server.py"), "--forget",
               "--port", str(FORGET_PORT), port=FORGET_PORT):
        with background("h1", "python3", "-c", holder) as client:
            wait_until(lambda: "HELLO" in client.output(), 5, "the reply reached h1")
            assert states(run, "www", "established", FORGET_PORT, "sport")
            assert states(run, "h1", "established", FORGET_PORT, "dport")
        # The client has exited (its socket closed, FIN sent); the server never closes its end.
        wait_until(lambda: states(run, "www", "close-wait", FORGET_PORT, "sport"), 5,
                   "www shows the connection in CLOSE_WAIT")
        assert states(run, "h1", "fin-wait-2", FORGET_PORT, "dport")


def test_http_by_hand_with_nc(run):
    request = "GET /get HTTP/1.1\r\nHost: www.example.com\r\nConnection: close\r\n\r\n"
    out = run("h1", "nc", "www.example.com", "80", stdin=request).check().stdout
    assert out.startswith("HTTP/1.1 200 OK\r\n"), out[:200]
    assert '"url":"http://www.example.com/get"' in out.replace(" ", "")


HANGUP_CLIENTS = """
import socket, sys
def client(text):
    s = socket.create_connection((sys.argv[1], int(sys.argv[2])))
    s.settimeout(3)
    s.sendall(text)
    if not text:   # hangs up without a word (its FIN): the server's recv() gets b""
        s.shutdown(socket.SHUT_WR)
    got = b""
    try:
        while data := s.recv(100):   # until the server hangs up
            got += data
        print(f"{text!r} -> {got!r}, then EOF")
    except TimeoutError:
        print(f"{text!r} -> {got!r}, no EOF after 3 s")
    s.close()
for text in (b"hello", b"", b"bye"):
    client(text)
"""


@pytest.mark.exercise(3)
def test_hangup_answers_and_closes_every_client(run, serve, program, topology):
    def descriptors(pid):
        return len(run("www", "ls", f"/proc/{pid}/fd").check().stdout.split())

    with serve("www", *program("hangup_server.py"), port=HANGUP_PORT) as server:
        before = descriptors(server.pid)
        result = run("h1", "python3", "-c", HANGUP_CLIENTS, www(topology), str(HANGUP_PORT))
        assert server.alive(), f"hangup_server.py exited; it printed:\n{server.output()}"
        wait_until(lambda: not states(run, "www", "close-wait", HANGUP_PORT, "sport"), 5,
                   "no connection left in CLOSE_WAIT on www: close every client's socket, "
                   "the one that sent nothing too")
        after = descriptors(server.pid)
    assert result.stdout.splitlines() == ["b'hello' -> b'HELLO', then EOF",
                                          "b'' -> b'', then EOF",
                                          "b'bye' -> b'BYE', then EOF"], \
        f"each client should get its reply and then the end (EOF){shown(result)}"
    assert after == before, f"the server holds {after - before} more file descriptors after " \
        "three clients: close each socket (shutdown() alone is not close())"
