"""Grader for chapter 17: FTP sessions with ftplib against vsftpd on ftp, judged by what the
programs print, by the files on the server (sizes and hashes read in the ftp container) and
by the packets on modemA's two sides: the two connections of every transfer, the password in
clear, the PORT command that the modem's FTP helper rewrites, and FTPS hiding all of it.

Every file a test needs on the server or on h1 is made for that run, with fresh names and
random bytes, and removed afterwards; anonymous tests read the image's pub/ tree."""
import hashlib
import os
import random
import re

import pytest

from playground.engine import put_file
from playground.grading import (clean_failure, conversations, handshake, shown, tls_records,
                                token)

IMPOSTOR = 17021                      # impostor_ftps.py on www
HOME = "/home/student"                # the student's home on ftp: the FTP session's root
PUB = "/srv/ftp/pub"                  # the anonymous tree on ftp
PASSIVE = range(30000, 30020)         # vsftpd's pasv_min_port..pasv_max_port
ON_THE_WIRE = "tcp port 21 or tcp portrange 30000-30019"   # control and passive data
ACTIVE_WIRE = "tcp port 21 or tcp port 20"                 # control and active data
PASSWORD = "abc123"


# --- helpers ------------------------------------------------------------------------------

def control(packets):
    """(client->server, server->client) bytes of the one control connection (port 21)."""
    sessions = conversations(packets, 21)
    assert len(sessions) == 1, f"expected one control connection, saw {len(sessions)}"
    return next(iter(sessions.values()))


def passive_ports(replies: bytes) -> list[int]:
    """The data ports named by the server's 227 replies."""
    return [int(hi) * 256 + int(lo) for hi, lo in
            re.findall(rb"227 [^(]*\(\d+,\d+,\d+,\d+,(\d+),(\d+)\)", replies)]


def data_sent(packets, ports, direction: int) -> bytes:
    """What crossed the data connections on these server ports: direction 0 client->server,
    1 server->client (each connection reassembled, in the order of the ports)."""
    return b"".join(pair[direction] for port in ports
                    for pair in conversations(packets, port).values())


def manifest(run, host: str, folder: str):
    """({relative path: sha256} of the files, {relative paths} of the folders) under folder."""
    files = run(host, "sh", "-c", 'cd "$1" && find . -type f -print0 | xargs -0 -r sha256sum',
                "manifest", folder).check().stdout
    dirs = run(host, "sh", "-c", 'cd "$1" && find . -mindepth 1 -type d', "manifest",
               folder).check().stdout
    return ({path: digest for digest, path in (line.split("  ", 1)
                                               for line in files.splitlines())},
            set(dirs.splitlines()))


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def remote_sha256(run, path: str) -> str:
    return run("ftp", "sha256sum", path).check().stdout.split()[0]


def random_size(low: int, high: int) -> int:
    """A size that is no multiple of a block (8192) or of a line."""
    size = random.randrange(low, high)
    return size if size % 8192 else size + 17


def wan(topology) -> str:
    return str(topology["modemA"].interface("wan").ip)


def ftp_address(topology) -> str:
    return str(topology["ftp"].address)


@pytest.fixture
def on_ftp(run):
    """on_ftp({relative path: bytes or None (a folder)}) -> places them under the student's
    home on ftp (parents made as needed) and returns their names; all removed afterwards."""
    made = []

    def place(entries: dict) -> list[str]:
        for rel, data in entries.items():
            path = f"{HOME}/{rel}"
            made.append(f"{HOME}/{rel.split('/')[0]}")
            if data is None:
                run("ftp", "mkdir", "-p", path).check()
            else:
                run("ftp", "mkdir", "-p", os.path.dirname(path)).check()
                put_file("ftp", path, data)
        return list(entries)

    yield place
    for path in set(made):
        run("ftp", "rm", "-rf", path)


@pytest.fixture
def h1_folder(run):
    """A fresh folder in h1's /tmp, removed afterwards."""
    folder = run("h1", "mktemp", "-d", "/tmp/ch17-XXXXXX").check().stdout.strip()
    yield folder
    run("h1", "rm", "-rf", folder)


# --- the example programs -----------------------------------------------------------------

def test_tour_lists_and_downloads_in_both_modes(run, lab_file):
    """NLST names what pub holds, LIST says which are folders; a text file fetched in ASCII
    mode and a binary one in binary mode match SHA256SUMS; ASCII mode breaks a binary file."""
    names = run("ftp", "ls", PUB).check().stdout.split()
    folders = run("ftp", "find", PUB, "-mindepth", "1", "-maxdepth", "1", "-type", "d",
                  "-printf", "%f\n").check().stdout.split()
    text, binary = "notes/poem.txt", "binary/100KiB.bin"
    result = run("h1", "python3", lab_file("ftp_tour.py"), "--text", f"pub/{text}",
                 "--binary", f"pub/{binary}")
    assert result.status == 0, shown(result)
    out = result.stdout
    nlst = re.search(r"^NLST pub: (.*)$", out, re.M)
    assert nlst and sorted(nlst.group(1).split()) == sorted(names), out
    for name in names:
        kind = "d" if name in folders else "-"
        assert re.search(rf"^  {kind}\S+ .* {re.escape(name)}$", out, re.M), (name, out)
    for mode, path in [("ASCII", text), ("binary", binary)]:
        digest = remote_sha256(run, f"{PUB}/{path}")
        assert f"{mode:6} pub/{path}: " in out, out
        assert f"sha256 {digest} matches SHA256SUMS" in out, out
    wrong = run("h1", "python3", lab_file("ftp_tour.py"), "--text", f"pub/{binary}")
    assert wrong.status == 0 and f"ASCII  pub/{binary}" in wrong.stdout, shown(wrong)
    assert "DIFFERS from SHA256SUMS" in wrong.stdout, wrong.stdout


def test_passive_two_connections_and_the_password_in_clear(run, lab_file, capture, on_ftp,
                                                            topology):
    """Passive mode: the client opens both connections, the second to the port the 227 reply
    names; USER and PASS cross modemA's wan side in clear, though ftplib prints ******."""
    name = on_ftp({f"{token()}.txt": b"listed\n"})[0]
    client, server = wan(topology), ftp_address(topology)
    with capture("modemA", facing="isp", filter=ON_THE_WIRE) as cap:
        result = run("h1", "python3", lab_file("ftp_modes.py"), "--user", "student", ".")
    assert result.status == 0 and f"name: {name}" in result.stdout, shown(result)
    assert "*cmd* 'PASS ******'" in result.stdout, result.stdout
    sent, replies = control(cap.packets)
    assert b"USER student\r\n" in sent and f"PASS {PASSWORD}\r\n".encode() in sent, sent
    handshake(cap.packets, client, server, 21)
    ports = passive_ports(replies)
    assert len(ports) == 1 and ports[0] in PASSIVE, replies
    handshake(cap.packets, client, server, ports[0])
    assert name.encode() in data_sent(cap.packets, ports, 1)


def test_active_port_rewritten_by_the_modem(run, lab_file, capture, topology):
    """Active mode: PORT carries h1's private address; modemA's FTP helper rewrites it to its
    own, and the server connects back from port 20 to the rewritten address and port, which
    the modem forwards to h1."""
    h1, modem, server = str(topology["h1"].address), wan(topology), ftp_address(topology)
    with capture("modemA", facing="h1", filter=ACTIVE_WIRE) as lan, \
            capture("modemA", facing="isp", filter=ACTIVE_WIRE) as outside:
        result = run("h1", "python3", lab_file("ftp_modes.py"), "--active", "pub/binary")
    assert result.status == 0 and "name: pub/binary/1MiB.bin" in result.stdout, shown(result)
    commands = {}
    for cap, address in [(lan, h1), (outside, modem)]:
        sent, _ = control(cap.packets)
        found = re.findall(rb"PORT ((\d+,\d+,\d+,\d+),(\d+),(\d+))\r\n", sent)
        assert len(found) == 1, f"{cap.path}: one PORT command expected in {sent!r}"
        commands[address], host, hi, lo = found[0]
        assert host.decode().replace(",", ".") == address, (cap.path, found)
        port = int(hi) * 256 + int(lo)
        syn = next((p for p in cap.packets if p.flags == "S" and p.sport == 20), None)
        assert syn and (syn.src, syn.dst, syn.dport) == (server, address, port), \
            f"{cap.path}: no connection from {server}:20 to {address}:{port}"
        assert b"1MiB.bin" in b"".join(c[1] for c in conversations(cap.packets, 20).values())
    # what ftplib says it sent is what left h1, before the modem changed it
    assert f"*cmd* 'PORT {commands[h1].decode()}'" in result.stdout, result.stdout


def test_ftps_hides_the_login_and_needs_passive_behind_nat(run, lab_file, capture, topology):
    """With AUTH TLS only the greeting and AUTH cross in clear; active mode then fails behind
    the NAT: the helper cannot read the encrypted PORT, so the server sees a private address."""
    with capture("modemA", facing="isp", filter=ON_THE_WIRE) as cap:
        result = run("h1", "python3", lab_file("ftp_modes.py"), "--tls", "--user", "student")
    assert result.status == 0 and "*resp* '200 PROT now Private.'" in result.stdout, \
        shown(result)
    sent, replies = control(cap.packets)
    assert sent.startswith(b"AUTH TLS\r\n") and b"USER" not in sent and b"PASS" not in sent
    assert b"234 " in replies and not passive_ports(replies), replies
    active = run("h1", "python3", lab_file("ftp_modes.py"), "--tls", "--active")
    clean_failure(active, "FTPS in active mode behind modemA", "Illegal PORT")


# --- Exercise 1 ---------------------------------------------------------------------------

@pytest.mark.exercise(1)
def test_ex1_mirror_of_pub(run, program, h1_folder):
    """pub/, mirrored anonymously, equals the server's tree: every file's hash, every folder
    (tree/empty too), nothing more."""
    local = f"{h1_folder}/pub"
    result = run("h1", *program("mirror.py"), "pub", local, timeout=30)
    want_files, want_dirs = manifest(run, "ftp", PUB)
    assert result.status == 0, shown(result)
    assert f"mirrored {len(want_files)} files from pub into {local}" in result.stdout, \
        shown(result)
    files, dirs = manifest(run, "h1", local)
    assert dirs == want_dirs, f"folders: missing {want_dirs - dirs}, extra {dirs - want_dirs}"
    assert files == want_files, \
        f"files wrong or missing: {sorted(p for p in want_files if files.get(p) != want_files[p])}"


@pytest.mark.exercise(1)
def test_ex1_mirror_of_a_fresh_tree(run, program, on_ftp, h1_folder):
    """A tree made for this run in the student's home: a file without a dot, folders with
    one, an empty folder, names with spaces, bytes with CR and LF, three levels deep."""
    top = token()
    lines = "".join(f"{token()}\r\n{token()}\n" for _ in range(50)).encode()
    on_ftp({f"{top}/{token()}": lines,
            f"{top}/data.v{random.randrange(2, 9)}/{token()}.bin": os.urandom(random_size(
                20000, 60000)),
            f"{top}/{token()}.d/deeper/leaf": token().encode(),
            f"{top}/empty.{token()}": None,
            f"{top}/has space/{token()} x.txt": b"\r\n\r\r\n"})
    local = f"{h1_folder}/copy"
    result = run("h1", *program("mirror.py"), "--user", "student", top, local, timeout=30)
    want_files, want_dirs = manifest(run, "ftp", f"{HOME}/{top}")
    assert result.status == 0, shown(result)
    assert f"mirrored {len(want_files)} files from {top} into {local}" in result.stdout, \
        shown(result)
    files, dirs = manifest(run, "h1", local)
    assert dirs == want_dirs, f"folders: missing {want_dirs - dirs}, extra {dirs - want_dirs}"
    assert files == want_files, \
        f"files wrong or missing: {sorted(p for p in want_files if files.get(p) != want_files[p])}"


# --- Exercise 2 ---------------------------------------------------------------------------

@pytest.fixture
def remote_file(on_ftp):
    """A file of random bytes and size in the student's home: (name, its bytes)."""
    data = os.urandom(random_size(200_000, 600_000))
    return on_ftp({f"{token()}.bin": data})[0], data


def resume_get(run, program, name, local, data):
    return run("h1", *program("resume_get.py"), "--user", "student", name, local,
               "--sha256", sha256(data))


@pytest.mark.exercise(2)
def test_ex2_resumes_where_it_stopped(run, program, capture, remote_file, h1_folder):
    """A local file holding the first N bytes (N fresh each run) is completed: REST N on the
    control connection, exactly the rest on the data connection, the whole file's hash."""
    name, data = remote_file
    have = random.randrange(len(data) // 5, 4 * len(data) // 5)
    local = f"{h1_folder}/{name}"
    put_file("h1", local, data[:have])
    with capture("modemA", facing="isp", filter=ON_THE_WIRE) as cap:
        result = resume_get(run, program, name, local, data)
    assert result.status == 0, shown(result)
    assert f"had {have} bytes, fetched {len(data) - have}\n" in result.stdout, shown(result)
    assert remote_sha256(run, f"{HOME}/{name}") == sha256(data)
    assert run("h1", "sha256sum", local).check().stdout.split()[0] == sha256(data), \
        "the local file is not the server's file"
    sent, replies = control(cap.packets)
    assert f"REST {have}\r\n".encode() in sent and b"TYPE I\r\n" in sent, sent
    got = data_sent(cap.packets, passive_ports(replies), 1)
    assert got == data[have:], \
        f"the data connection carried {len(got)} bytes; the rest is {len(data) - have}"


@pytest.mark.exercise(2)
def test_ex2_whole_file_when_nothing_is_there(run, program, capture, remote_file, h1_folder):
    """No local file: the whole file, once, and verified."""
    name, data = remote_file
    local = f"{h1_folder}/{name}"
    with capture("modemA", facing="isp", filter=ON_THE_WIRE) as cap:
        result = resume_get(run, program, name, local, data)
    assert result.status == 0, shown(result)
    assert f"had 0 bytes, fetched {len(data)}\n" in result.stdout, shown(result)
    assert "SHA-256 verified" in result.stdout, shown(result)
    _, replies = control(cap.packets)
    assert data_sent(cap.packets, passive_ports(replies), 1) == data


@pytest.mark.exercise(2)
def test_ex2_a_damaged_beginning_is_caught(run, program, remote_file, h1_folder):
    """The local beginning has one byte changed (somewhere fresh each run, past the first
    64 KiB): the completed file's hash is wrong, and the program must say so."""
    name, data = remote_file
    have = random.randrange(len(data) // 2, len(data) - 1000)
    damaged = bytearray(data[:have])
    damaged[random.randrange(65536, have)] ^= 0x20
    local = f"{h1_folder}/{name}"
    put_file("h1", local, bytes(damaged))
    result = resume_get(run, program, name, local, data)
    clean_failure(result, "completing a damaged beginning", "SHA-256 mismatch")


# --- Exercise 3 ---------------------------------------------------------------------------

def progress(stdout: str) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in re.findall(r"^progress: (\d+)/(\d+) bytes", stdout,
                                                    re.M)]


@pytest.fixture
def uploaded(run):
    """Names to remove from the student's home after the test (uploads are the student's)."""
    names = []
    yield names
    for name in names:
        run("ftp", "rm", "-f", f"{HOME}/{name}")


def upload(run, program, h1_folder, uploaded, data: bytes, suffix: str):
    """upload_progress.py on h1 with a local file of data, to a fresh name; (name, result)."""
    name = f"{token()}{suffix}"
    uploaded.append(name)
    local = f"{h1_folder}/{token()}"
    put_file("h1", local, data)
    return name, run("h1", *program("upload_progress.py"), local, name)


@pytest.mark.exercise(3)
def test_ex3_binary_upload_with_progress(run, program, capture, h1_folder, uploaded):
    """Random bytes of a fresh size arrive whole (the server's hash), in binary mode, sent
    once on the data connection, with progress after each block up to the size."""
    data = os.urandom(random_size(150_000, 400_000))
    with capture("modemA", facing="isp", filter=ON_THE_WIRE) as cap:
        name, result = upload(run, program, h1_folder, uploaded, data, ".bin")
    assert result.status == 0, shown(result)
    assert remote_sha256(run, f"{HOME}/{name}") == sha256(data), \
        f"the server's {name} is not the file uploaded{shown(result)}"
    assert f"stored {name}: {len(data)} bytes" in result.stdout, shown(result)
    steps = progress(result.stdout)
    sent = [s for s, _ in steps]
    assert steps and all(total == len(data) for _, total in steps), shown(result)
    assert sent[-1] == len(data) and sent == sorted(set(sent)), \
        f"progress must grow to the size: {sent}"
    gaps = [b - a for a, b in zip([0] + sent, sent)]
    assert max(gaps) <= 65536, f"progress must come after each block, not {max(gaps)} bytes " \
                               f"apart{shown(result)}"
    control_sent, replies = control(cap.packets)
    assert b"TYPE I\r\n" in control_sent and f"STOR {name}\r\n".encode() in control_sent
    assert data_sent(cap.packets, passive_ports(replies), 0) == data, \
        "the data connection did not carry exactly the file's bytes"


@pytest.mark.exercise(3)
def test_ex3_text_and_empty_files_unchanged(run, program, h1_folder, uploaded):
    """A text file with CRLF, lone LF and CR, UTF-8 and no final newline is stored as it is
    (binary mode: no line endings changed); an empty file is stored empty."""
    text = f"{token()}\r\nnaïve {token()}\nlone\rcr\r\n\r\nend".encode()
    for data in (text, b""):
        name, result = upload(run, program, h1_folder, uploaded, data, ".txt")
        assert result.status == 0, shown(result)
        assert remote_sha256(run, f"{HOME}/{name}") == sha256(data), \
            f"the server's {name} differs from the {len(data)} bytes uploaded{shown(result)}"
        assert f"stored {name}: {len(data)} bytes" in result.stdout, shown(result)
        assert all(sent <= total == len(data) for sent, total in progress(result.stdout))


# --- Exercise 4 ---------------------------------------------------------------------------

@pytest.mark.exercise(4)
def test_ex4_nothing_readable_on_the_wire(run, program, capture, on_ftp):
    """A fresh file fetched over FTPS arrives whole; on modemA's wan side only the greeting
    and AUTH TLS are readable: no USER, PASS, password, file name or content, and every data
    connection starts with a TLS handshake."""
    words = [token() for _ in range(3)]
    data = "".join(f"line {i} {' '.join(words)}\n" for i in range(400)).encode()
    name = on_ftp({f"{token()}.txt": data})[0]
    with capture("modemA", facing="isp", filter=ON_THE_WIRE) as cap:
        result = run("h1", *program("ftps_fetch.py"), name)
    assert result.status == 0, shown(result)
    assert f"fetched {name}: {len(data)} bytes, sha256 {sha256(data)}" in result.stdout, \
        shown(result)
    wire = b"".join(p.payload for p in cap.packets)
    for secret in [b"USER", b"PASS", PASSWORD.encode(), name.encode(),
                   *(w.encode() for w in words)]:
        assert secret not in wire, f"{secret!r} crossed modemA's wan side in clear ({cap.path})"
    sent, replies = control(cap.packets)
    assert sent.startswith(b"AUTH TLS\r\n"), f"the session must start with AUTH TLS: {sent[:40]}"
    records = tls_records(sent[len(b"AUTH TLS\r\n"):])
    assert records and records[0][0] == 22 and records[0][1][:1] == b"\x01", \
        "a TLS ClientHello must follow AUTH TLS"
    data_ports = {p.dport for p in cap.packets if p.flags == "S" and p.dport in PASSIVE}
    assert data_ports, "no data connection to a passive port"
    for port in data_ports:
        for up, down in conversations(cap.packets, port).values():
            assert tls_records(up)[:1] and tls_records(up)[0][0] == 22, \
                f"the data connection to port {port} does not start with TLS: {up[:40]!r}"
            assert 23 in {kind for kind, _ in tls_records(down)}, \
                f"no encrypted data from port {port}"


@pytest.mark.exercise(4)
def test_ex4_refuses_an_impostor(run, serve, program, lab_file):
    """An impostor on www presents a certificate for www.example.com from a CA no host
    trusts: the client must refuse in one line before it sends the user or the password."""
    secret = token()
    with serve("www", "python3", lab_file("impostor_ftps.py"), "--port", str(IMPOSTOR),
               port=IMPOSTOR) as impostor:
        result = run("h1", *program("ftps_fetch.py"), "--host", "www.example.com",
                     "--port", str(IMPOSTOR), "--password", secret, f"{token()}.txt")
        seen = impostor.output()
    assert "impostor got: AUTH TLS" in seen, f"the client never asked for TLS:\n{seen}"
    assert secret not in seen and "USER" not in seen, \
        f"the impostor got the login:\n{seen}{shown(result)}"
    clean_failure(result, "FTPS to an impostor", "refused")


@pytest.mark.exercise(4)
def test_ex4_refuses_a_name_the_certificate_lacks(run, program, on_ftp, topology):
    """The real server reached by its address: its lab certificate is good but names only
    ftp.example.com and ftp, so the client must refuse (and fetch nothing)."""
    name = on_ftp({f"{token()}.txt": token().encode()})[0]
    result = run("h1", *program("ftps_fetch.py"), "--host", ftp_address(topology), name)
    clean_failure(result, f"FTPS to {ftp_address(topology)}", "refused")
