"""Grader for chapter 16: Telnet to ftp's telnetd and to option_server.py (our own telnet-ish
server), SSH with paramiko to www's sshd and to impostor_sshd.py. Judged by what the programs
print, by files and host keys read in the hosts, and by the packets on isp's side towards the
backbone: Telnet's login a character per packet and its option bytes, SSH's one connection
with only the version banners in clear.

The hosts do not know each other's host keys: the grader reads the server's public key in
the server (a path no network attacker can touch) and hands it to the client, as a
known_hosts file in the client's /tmp or as a fingerprint."""
import base64
import hashlib
import os
import random
import re

import pytest

from playground.engine import put_file
from playground.grading import clean_failure, handshake, shown, stream, tcp, token

OPTIONS_PORT = 16023        # option_server.py on www
IMPOSTOR_PORT = 16022       # impostor_sshd.py on www
LOCAL_PORT, HIDDEN_PORT = 16080, 16081     # forward.py on h1 -> a service on www's loopback
KNOWN_HOSTS = "/tmp/ch16_known_hosts"      # sshlab's default, on h1
IAC, DONT, DO, WONT, WILL, SB, SE = 255, 254, 253, 252, 251, 250, 240
TTYPE = 24


# --- helpers ------------------------------------------------------------------------------

def client_address(topology) -> str:
    """h1 as the Internet sees it: modemA's wan address."""
    return str(topology["modemA"].interface("wan").ip)


def address(topology, host: str) -> str:
    return str(topology[host].address)


WIRE = dict(host="isp", facing="backbone")    # h1's traffic to the server room, past the NAT


def host_key(run, host: str) -> tuple[str, str]:
    """(type, base64) of the host's Ed25519 key, read in the host itself."""
    kind, blob = run(host, "cat", "/etc/ssh/ssh_host_ed25519_key.pub").check().stdout.split()[:2]
    return kind, blob


def fingerprint(blob: str) -> str:
    """As ssh-keygen -l prints it: SHA256: and the unpadded base64 of the key's SHA-256."""
    digest = hashlib.sha256(base64.b64decode(blob)).digest()
    return "SHA256:" + base64.b64encode(digest).decode().rstrip("=")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def payloads(packets) -> bytes:
    return b"".join(p.payload for p in packets)


@pytest.fixture
def known_hosts(run):
    """h1 trusts www's real host key (under the names www and www.example.com) and no other,
    in sshlab's default known_hosts file; removed afterwards."""
    kind, blob = host_key(run, "www")
    put_file("h1", KNOWN_HOSTS, f"www,www.example.com {kind} {blob}\n".encode())
    yield KNOWN_HOSTS
    run("h1", "rm", "-f", KNOWN_HOSTS)


@pytest.fixture
def www_folder(run):
    """A fresh folder in student's home on www (student may write there), removed after."""
    folder = f"/home/student/ch16-{token()}"
    run("www", "install", "-d", "-o", "student", "-g", "student", folder).check()
    yield folder
    run("www", "rm", "-rf", folder)


def one_ssh_connection(packets, topology) -> None:
    """Exactly one TCP connection from h1 (modemA) to www:22, whose only readable bytes are
    the two version banners: everything after them is the SSH binary packet protocol."""
    __tracebackhide__ = True
    syns = [p for p in tcp(packets, 22) if p.flags == "S"]
    assert len(syns) == 1, f"expected one SSH connection, saw {len(syns)} SYNs"
    handshake(packets, client_address(topology), address(topology, "www"), 22)
    for side in (client_address(topology), address(topology, "www")):
        assert stream(packets, side, 22).startswith(b"SSH-2.0-"), \
            f"{side} did not start with its version banner"


# --- the example programs -----------------------------------------------------------------

def test_quoting_toy_shell_sh_and_ssh(run, lab_file, known_hosts):
    """A naive line lets ; and $ through to sh, here and over SSH; shlex.join's line gives
    the shells back exactly the arguments; the toy shell splits only on whitespace."""
    mark, injected = token(), token()
    words = [mark, "two  words", "$HOME", f"x;echo {injected}", "*"]
    result = run("h1", "python3", lab_file("shell_quoting.py"), *words, "--via", "www")
    assert result.status == 0, shown(result)
    lines = dict(re.findall(r"^([^:]+): +(.*)$", result.stdout, re.M))
    exact = "".join(f"[{w}]" for w in words)
    assert lines["arguments"] == exact, shown(result)
    assert lines["toy shell, naive line"] == "".join(f"[{w}]" for w in " ".join(words).split())
    for where in ("sh", "www over SSH"):
        assert lines[f"{where}, quoted line" if where == "sh" else f"{where}, quoted"] == exact
        naive = lines[f"{where}, naive line" if where == "sh" else f"{where}, naive"]
        assert f"[x]{injected}" in naive and "[two][words]" in naive, shown(result)
    assert "[/home/student]" in lines["www over SSH, naive"], shown(result)


def test_channels_side_by_side_on_one_connection(run, lab_file, capture, topology,
                                                 known_hosts):
    """Two commands that wait for each other finish: their channels run at once, on one TCP
    connection; on the wire only the version banners are readable."""
    meet, first, second = f"/tmp/ch16-{token()}", token(), token()
    commands = [f"until [ -e {meet} ]; do sleep 0.1; done; rm {meet}; echo {first}",
                f"sleep 0.3; touch {meet}; echo {second}"]
    with capture(**WIRE, filter="tcp port 22") as cap:
        result = run("h1", "python3", lab_file("ssh_channels.py"), "www", *commands,
                     timeout=15)
    assert result.status == 0, shown(result)
    assert "one connection, 2 channels" in result.stdout, shown(result)
    assert f"exit 0: {first}" in result.stdout and f"exit 0: {second}" in result.stdout
    one_ssh_connection(cap.packets, topology)
    for secret in (first, second, meet):
        assert secret.encode() not in payloads(cap.packets), f"{secret} crossed in clear"


def test_interactive_shell_is_a_screen(run, lab_file, known_hosts):
    """invoke_shell: the prompt, the typed lines and the output arrive mixed, as on a screen."""
    mark = token()
    result = run("h1", "python3", lab_file("ssh_shell.py"), "www", f"echo {mark}")
    assert result.status == 0, shown(result)
    assert "student@www" in result.stdout, shown(result)
    assert re.search(rf"(?<!echo ){mark}\n", result.stdout), "no output of the echo"
    assert result.stdout.count(f"echo {mark}") >= 2, "the shell echoes what was typed"


def test_forwarding_reaches_a_loopback_only_service(run, serve, lab_file, capture, topology,
                                                    known_hosts, www_folder):
    """A web server bound to www's 127.0.0.1 is out of h1's reach, except through the SSH
    connection forward.py keeps: its page arrives, and only port 22 is on the wire."""
    page, secret = f"{token()}.txt", token()
    put_file("www", f"{www_folder}/{page}", secret.encode())
    fetch = ("import sys, urllib.request; "
             "print(urllib.request.urlopen(sys.argv[1], timeout=5).read().decode())")
    with serve("www", "python3", "-m", "http.server", str(HIDDEN_PORT), "--bind", "127.0.0.1",
               "--directory", www_folder, port=HIDDEN_PORT), \
            capture(**WIRE, filter=f"tcp port 22 or tcp port {HIDDEN_PORT}") as cap, \
            serve("h1", "python3", lab_file("forward.py"), "www", port=LOCAL_PORT):
        direct = run("h1", "python3", "-c", fetch, f"http://www:{HIDDEN_PORT}/{page}")
        result = run("h1", "python3", "-c", fetch, f"http://127.0.0.1:{LOCAL_PORT}/{page}")
    assert direct.status != 0 and "Connection refused" in direct.stderr, shown(direct)
    assert result.status == 0 and result.stdout.strip() == secret, shown(result)
    assert not any(p.payload for p in tcp(cap.packets, HIDDEN_PORT)), \
        f"port {HIDDEN_PORT} carried data on the wire: only the refused SYN belongs there"
    one_ssh_connection([p for p in cap.packets if HIDDEN_PORT not in (p.sport, p.dport)],
                       topology)
    assert secret.encode() not in payloads(cap.packets), "the page crossed in clear"


def test_sftp_download_with_progress(run, lab_file, known_hosts, www_folder):
    """A file of random bytes made for the run arrives whole, with progress to its size."""
    data = os.urandom(random.randrange(100_000, 300_000))
    name = f"{token()}.bin"
    put_file("www", f"{www_folder}/{name}", data)
    local = f"/tmp/ch16-{token()}"
    try:
        result = run("h1", "python3", lab_file("sftp_get.py"), "www", f"{www_folder}/{name}",
                     local)
        assert result.status == 0, shown(result)
        assert re.search(rf"^-rw-r--r-- +{len(data)} {name}$", result.stdout, re.M), shown(result)
        assert f"progress: {len(data)}/{len(data)} bytes" in result.stdout, shown(result)
        assert f"sha256 {sha256(data)}" in result.stdout, shown(result)
    finally:
        run("h1", "rm", "-f", local)


def test_auto_add_hands_the_password_to_an_impostor(run, serve, lab_file):
    """AutoAddPolicy logs in to a server whose key nobody knows: the impostor gets the
    password; RejectPolicy refuses before sending it."""
    with serve("www", "python3", lab_file("impostor_sshd.py"), port=IMPOSTOR_PORT) as impostor:
        secret = token()
        fooled = run("h1", "python3", lab_file("trust_demo.py"), "www", "--port",
                     str(IMPOSTOR_PORT), "--policy", "auto", "--password", secret)
        careful = token()
        refused = run("h1", "python3", lab_file("trust_demo.py"), "www", "--port",
                      str(IMPOSTOR_PORT), "--password", careful)
        seen = impostor.output()
    assert fooled.status == 0 and "the impostor ran your command" in fooled.stdout, \
        shown(fooled)
    assert f"impostor got: password '{secret}'" in seen, seen
    clean_failure(refused, "RejectPolicy against the impostor", "not found in known_hosts")
    assert careful not in seen, seen


# --- Exercise 1 ---------------------------------------------------------------------------

def option_plan() -> tuple[list[str], str]:
    """A fresh plan for option_server.py (see its encode()) and the text in it."""
    items = ["DO 24"]
    items += [f"DO {o}" for o in random.sample([1, 3, 5, 31, 32, 33, 34, 35, 36, 39], 3)]
    items += [f"WILL {o}" for o in random.sample([1, 3, 5, 37, 38], 2)]
    items += [f"{random.choice(['DONT', 'WONT'])} {random.choice([1, 3, 5])}", "NOP",
              "SB 31 0 255 240 0"]
    texts = [f"hello {token()}\r\n", f"\xff{token()}\xff\r\n", f"{token()} "]
    items += [f"text:{t}" for t in texts]
    random.shuffle(items)
    return items + ["TTYPE"], "".join(i[5:] for i in items if i.startswith("text:"))


def expected_answers(items: list[str], terminal: str) -> bytes:
    """WILL TTYPE, WONT the other DOs, DONT every WILL, in order; then the terminal type."""
    answers = b""
    for item in items:
        word, *rest = item.split()
        if word == "DO":
            answers += bytes([IAC, WILL if rest[0] == "24" else WONT, int(rest[0])])
        elif word == "WILL":
            answers += bytes([IAC, DONT, int(rest[0])])
    return answers + bytes([IAC, SB, TTYPE, 0]) + terminal.encode() + bytes([IAC, SE])


@pytest.mark.exercise(1)
def test_ex1_answers_every_option_right(run, serve, program, lab_file, capture, topology):
    """option_server.py sends a fresh mix of DO, WILL, DONT, WONT, NOP, a subnegotiation with
    IAC IAC in it, text with byte 255, and SB TTYPE SEND, in pieces cut inside the commands:
    the client must print exactly the text and send exactly the answers, in order."""
    items, text = option_plan()
    terminal, bye = f"T{random.randrange(100, 999)}-{token().upper()}", token()
    answers = expected_answers(items, terminal)
    with serve("www", "python3", lab_file("option_server.py"), "--plan", "|".join(items),
               "--pieces", "40", "--bye", bye, port=OPTIONS_PORT) as server, \
            capture(**WIRE, filter=f"tcp port {OPTIONS_PORT}") as cap:
        result = run("h1", *program("telnet_login.py"), "www", "--port", str(OPTIONS_PORT),
                     "--term", terminal)
        heard = server.output()
    assert result.status == 0, shown(result) + heard
    assert result.stdout == text + bye + "\r\n", \
        f"the text should be {text + bye!r}{shown(result)}"
    sent = stream(cap.packets, client_address(topology), OPTIONS_PORT)
    assert sent == answers, f"the client sent\n  {sent.hex(' ')}\nnot\n  {answers.hex(' ')}" \
                            f"\nfor the plan {items}"


@pytest.mark.exercise(1)
def test_ex1_logs_in_to_telnetd(run, program, capture, topology):
    """The real telnetd on ftp: the client announces a fresh terminal type (the shell's $TERM
    shows it), refuses every other option, and the capture shows the login typed a character
    per packet, in clear."""
    mark, terminal = token(), f"VT{random.randrange(100, 999)}-{token()}"
    client, server = client_address(topology), address(topology, "ftp")
    with capture(**WIRE, filter="tcp port 23") as cap:
        result = run("h1", *program("telnet_login.py"), "ftp", "--user", "student",
                     "--term", terminal, "--command", f"echo {mark} $TERM", timeout=30)
    assert result.status == 0, shown(result)
    # Only the shell's answer holds the value: the typed command has `$TERM` (and the echo of
    # what was typed may come before or after the prompt, as the shell's timing goes).
    assert f"{mark} {terminal.lower()}\r\n" in result.stdout, \
        f"the shell should say {mark} {terminal.lower()}{shown(result)}"
    handshake(cap.packets, client, server, 23)
    sent = stream(cap.packets, client, 23)
    assert bytes([IAC, WILL, TTYPE]) in sent, sent
    assert bytes([IAC, SB, TTYPE, 0]) + terminal.encode() + bytes([IAC, SE]) in sent, sent
    agreed = re.findall(rb"\xff([\xfb\xfd])(.)", sent, re.S)
    assert agreed == [(bytes([WILL]), bytes([TTYPE]))], \
        f"the client agreed to more than TTYPE: {agreed}"
    for option in (37, 38):             # telnetd offers AUTHENTICATION and ENCRYPT
        assert bytes([IAC, DONT, option]) in sent, f"no DONT {option}: {sent!r}"
    for option in (32, 35, 39):         # and asks for TSPEED, XDISPLOC, NEW-ENVIRON
        assert bytes([IAC, WONT, option]) in sent, f"no WONT {option}: {sent!r}"
    keys = b"".join(p.payload if len(p.payload) == 1 else b"|" for p in tcp(cap.packets, 23)
                    if p.src == client and p.payload)
    for secret in (b"student\r\n", b"abc123\r\n"):
        assert secret in keys, f"{secret!r} not typed a character per packet ({cap.path})"


# --- Exercise 2 ---------------------------------------------------------------------------

def report(command: str, status: int, out: bytes, err: bytes) -> str:
    """What ssh_run.py prints about one command."""
    def part(name, data):
        return f"{name} {len(data)} bytes sha256 {sha256(data)[:16]}"
    return f"$ {command}\nexit {status}; {part('stdout', out)}; {part('stderr', err)}\n"


@pytest.mark.exercise(2)
def test_ex2_commands_over_one_connection(run, program, capture, topology, known_hosts):
    """Fresh commands with fresh exit statuses and output on both streams: each reported
    right, over one TCP connection whose only readable bytes are the version banners."""
    words = [token() for _ in range(4)]
    status = random.randrange(2, 120)
    commands = {f"echo {words[0]}": (0, f"{words[0]}\n", ""),
                f"echo {words[1]} >&2; exit {status}": (status, "", f"{words[1]}\n"),
                f"printf %s {words[2]}; printf %s {words[3]} >&2; false": (1, words[2],
                                                                          words[3]),
                "whoami": (0, "student\n", "")}
    order = random.sample(list(commands), len(commands))
    with capture(**WIRE, filter="tcp port 22") as cap:
        result = run("h1", *program("ssh_run.py"), "www", *order)
    assert result.status == 0, shown(result)
    want = "".join(report(c, commands[c][0], commands[c][1].encode(), commands[c][2].encode())
                   for c in order)
    got = "".join(line + "\n" for line in result.stdout.splitlines()
                  if line.startswith(("$ ", "exit ")))
    assert got == want, f"expected the reports\n{want}{shown(result)}"
    one_ssh_connection(cap.packets, topology)
    for word in words:
        assert word.encode() not in payloads(cap.packets), f"{word} crossed in clear"


@pytest.mark.exercise(2)
def test_ex2_megabytes_on_either_stream(run, program, known_hosts):
    """3 MB on stderr before a word on stdout, and the reverse: more than a channel's window,
    so a client that reads one stream (or waits for the exit) before the other hangs."""
    size = 3_000_000 + random.randrange(1000)
    first, second = token(), token()
    big = f"head -c {size} /dev/zero | tr '\\0' x"
    commands = [f"{big} >&2; echo {first}", f"{big}; echo {second} >&2"]
    result = run("h1", *program("ssh_run.py"), "www", *commands, timeout=20)
    assert not result.timed_out, f"the runner hung on 3 MB of output{shown(result)}"
    assert result.status == 0, shown(result)
    blob = b"x" * size
    want = (report(commands[0], 0, f"{first}\n".encode(), blob)
            + report(commands[1], 0, blob, f"{second}\n".encode()))
    got = "".join(line + "\n" for line in result.stdout.splitlines()
                  if line.startswith(("$ ", "exit ")))
    assert got == want, f"expected the reports\n{want}{shown(result)}"


# --- Exercise 3 ---------------------------------------------------------------------------

@pytest.mark.exercise(3)
def test_ex3_logs_in_to_the_real_host(run, program):
    """www's own key's fingerprint (read on www): the client logs in and runs the command."""
    mark = token()
    result = run("h1", *program("pinned_ssh.py"), "www", f"echo {mark}; hostname",
                 "--fingerprint", fingerprint(host_key(run, "www")[1]))
    assert result.status == 0 and result.stdout == f"{mark}\nwww\n", shown(result)


@pytest.mark.exercise(3)
def test_ex3_refuses_an_impostor_before_the_password(run, serve, program, lab_file):
    """An impostor on www with a fresh key, pinned to www's real fingerprint: one line
    refusing it, and the impostor never sees the password or a command."""
    secret = token()
    with serve("www", "python3", lab_file("impostor_sshd.py"), port=IMPOSTOR_PORT) as impostor:
        result = run("h1", *program("pinned_ssh.py"), "www", f"echo {token()}",
                     "--port", str(IMPOSTOR_PORT), "--password", secret,
                     "--fingerprint", fingerprint(host_key(run, "www")[1]))
        seen = impostor.output()
    assert "impostor got" not in seen and secret not in seen, \
        f"the impostor got the login:\n{seen}{shown(result)}"
    clean_failure(result, "pinned to www, talking to an impostor", "refused")


@pytest.mark.exercise(3)
def test_ex3_refuses_the_real_host_pinned_to_another_key(run, program):
    """www reached while pinned to ftp's key (a real Ed25519 key, the wrong one): refused."""
    result = run("h1", *program("pinned_ssh.py"), "www", "echo logged in",
                 "--fingerprint", fingerprint(host_key(run, "ftp")[1]))
    clean_failure(result, "www pinned to ftp's key", "refused")
    assert "logged in" not in result.stdout


# --- Exercise 4 ---------------------------------------------------------------------------

def progress(stdout: str) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in re.findall(r"^progress: (\d+)/(\d+) bytes$", stdout,
                                                    re.M)]


def put_local(run, data: bytes, mode: int) -> str:
    path = f"/tmp/ch16-{token()}"
    put_file("h1", path, data)
    run("h1", "chmod", f"{mode:o}", path).check()
    return path


@pytest.mark.exercise(4)
def test_ex4_replaces_a_file_with_exactly_the_bytes(run, program, known_hosts, www_folder):
    """Random bytes of a fresh size and mode replace an older file on www: the server's hash
    and mode match, a hard link to the old file still holds the old bytes (replaced, not
    rewritten), no .part is left, and progress grows by blocks to the size."""
    data = os.urandom(random.randrange(150_000, 400_000))
    mode = random.choice([0o600, 0o640, 0o755])
    target, keep, old = f"{www_folder}/{token()}.bin", f"{www_folder}/old", token().encode()
    put_file("www", target, old)
    run("www", "sh", "-c", f"chown student: {target} && ln {target} {keep}").check()
    local = put_local(run, data, mode)
    try:
        result = run("h1", *program("sftp_put.py"), "www", local, target)
    finally:
        run("h1", "rm", "-f", local)
    assert result.status == 0, shown(result)
    assert f"stored {target}: {len(data)} bytes, mode {mode:o}" in result.stdout, shown(result)
    held = run("www", "sh", "-c", f"sha256sum < {target}; stat -c %a {target}; cat {keep}; echo; "
               f"ls {www_folder}").check().stdout.split("\n")
    assert held[0].split()[0] == sha256(data), f"www's file is not the bytes sent{shown(result)}"
    assert held[1] == f"{mode:o}", f"mode {held[1]}, not {mode:o}"
    assert held[2] == old.decode(), "the old file was rewritten in place, not replaced"
    assert not any(name.endswith(".part") for name in held[3:]), f"left behind: {held[3:]}"
    steps = progress(result.stdout)
    sent = [s for s, total in steps if total == len(data)]
    assert sent and len(sent) == len(steps) and sent[-1] == len(data), shown(result)
    gaps = [b - a for a, b in zip([0] + sent, sent)]
    assert min(gaps) > 0 and max(gaps) <= 65536, f"progress after each block, not {gaps}"


@pytest.mark.exercise(4)
def test_ex4_text_and_empty_files_unchanged(run, program, known_hosts, www_folder):
    """CRLF, lone CR and LF, UTF-8 and no final newline; and an empty file: stored as is."""
    text = f"{token()}\r\nnaïve {token()}\nlone\rcr\r\n\r\nend".encode()
    for data in (text, b""):
        local, target = put_local(run, data, 0o644), f"{www_folder}/{token()}.txt"
        try:
            result = run("h1", *program("sftp_put.py"), "www", local, target)
        finally:
            run("h1", "rm", "-f", local)
        assert result.status == 0, shown(result)
        digest = run("www", "sh", "-c", f"sha256sum < {target}").check().stdout.split()[0]
        assert digest == sha256(data), f"{len(data)} bytes sent, other bytes stored"
