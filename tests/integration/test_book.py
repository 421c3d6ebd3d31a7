"""A reader with the book open (labs/BOOK.md): its accounts, libraries, services and names work
here as its READMEs use them. The programs are ours, written in the book's style (same
accounts, host names, paths, ports and libraries), never the book's own listings."""
import subprocess
import textwrap
import uuid

import pytest

from playground import book
from playground.project import ROOT

BOOK_USER, PASSWORD = "brandon", "abc123"   # the book's account (README.md)
# Import names of every third-party library the book's listings (py3/) use, on every host.
LIBRARIES = ["requests", "dns.resolver", "memcache", "zmq", "webob", "werkzeug", "flask",
             "bs4", "lxml.html", "cssselect", "imapclient", "paramiko", "jsonrpclib", "rpyc"]
HOSTS = ["h1", "h2", "h3", "h4", "ftp", "mail", "www"]   # where the book runs its listings
PUB = "/srv/ftp/pub"   # ftp's anonymous root is /srv/ftp
ASKPASS = "#!/bin/sh\necho abc123\n"   # types the password for ssh and scp, as a reader would


def py(run, code, host="h1", timeout=60, *args):
    """Run a Python snippet on a host; return its stdout."""
    return run(host, "python3", "-c", textwrap.dedent(code), *args,
               timeout=timeout).check().stdout


@pytest.fixture
def brandons_mailbox(run):
    run("mail", "reset-mailbox", BOOK_USER).check()
    yield
    run("mail", "reset-mailbox", BOOK_USER).check()


@pytest.mark.parametrize("host", HOSTS)
def test_the_books_libraries_and_word_list_are_there(run, host):
    out = py(run, f"""
        import importlib
        for name in {LIBRARIES!r}:
            importlib.import_module(name)
            print("imported", name)
        words = open("/usr/share/dict/words").read().split()
        print("words", len(words), "python" in words)
    """, host)
    assert [line.split()[1] for line in out.splitlines()[:-1]] == LIBRARIES
    count, has_python = out.splitlines()[-1].split()[1:]
    assert int(count) > 50000 and has_python == "True", out


def test_brandon_logs_in_over_ssh_smtp_pop_imap_and_ftp(run, brandons_mailbox):
    out = py(run, f"""
        import ftplib, imapclient, io, paramiko, poplib, smtplib, ssl
        user, password = "{BOOK_USER}", "{PASSWORD}"
        ssh = paramiko.SSHClient(); ssh.load_host_keys("/etc/ssh/ssh_known_hosts")
        ssh.connect("www.example.com", username=user, password=password,
                    look_for_keys=False, allow_agent=False)
        print("ssh", ssh.exec_command("id -un")[1].read().decode().strip()); ssh.close()
        smtp = smtplib.SMTP("mail.example.com", 587)
        smtp.starttls(context=ssl.create_default_context())
        print("smtp", smtp.login(user, password)[0]); smtp.quit()
        pop = poplib.POP3_SSL("mail.example.com", context=ssl.create_default_context())
        pop.user(user); pop.pass_(password)
        print("pop", pop.stat()[0]); pop.quit()
        imap = imapclient.IMAPClient("mail.example.com", ssl=True)
        imap.login(user, password)
        print("imap", imap.select_folder("INBOX", readonly=True)[b"EXISTS"]); imap.logout()
        ftp = ftplib.FTP("ftp.example.com"); ftp.login(user, password)
        print("ftp", ftp.pwd()); ftp.quit()
    """)
    assert out.split("\n")[:5] == ["ssh brandon", "smtp 235", "pop 3", "imap 3", "ftp /"], out


def test_brandon_logs_in_over_telnet(run):
    # The Telnet client of chapter 16's lab (with its solution's option answers).
    result = run("h1", "env", "PLAYGROUND_ANSWERS=solutions", "python3",
                 "/labs/ch16/telnet_login.py", "ftp.example.com", "--user", BOOK_USER,
                 "--command", "echo I am $(id -un) on $(hostname)", timeout=30)
    assert result.status == 0 and "I am brandon on ftp" in result.stdout, result.stderr


def test_mail_to_brandon_lands_in_his_mailbox(run, brandons_mailbox):
    subject = f"Test Message {uuid.uuid4().hex}"
    out = py(run, f"""
        import smtplib
        to, sender = "brandon@example.com", "sender@example.com"
        message = f"To: {{to}}\\nFrom: {{sender}}\\nSubject: {subject}\\n\\nHello\\n"
        with smtplib.SMTP("mail.example.com") as smtp:   # port 25, no login, as chapter 13
            print("refused", smtp.sendmail(sender, [to], message))
    """)
    assert out.strip() == "refused {}", out
    found = run("mail", "sh", "-c", 'for _ in $(seq 50); do grep -rl "$0" "$1" && exit 0; '
                "sleep 0.1; done; exit 1", subject, "/home/brandon/Maildir/new")
    assert found.status == 0, "the message never reached /home/brandon/Maildir/new"


@pytest.mark.parametrize("host", ["h1", "ftp", "www"])
def test_memcached_answers_on_loopback_where_the_listing_runs(run, host):
    key = uuid.uuid4().hex
    out = py(run, f"""
        import memcache
        mc = memcache.Client(["127.0.0.1:11211"])
        print(mc.set("{key}", 12 * 12), mc.get("{key}"))
    """, host)
    assert out.split() == ["True", "144"], out


def test_loopback_memcached_is_not_reachable_from_the_lab(run):
    # h1's is its own, on loopback; www's shared one (chapter 8) stays open to the lab.
    probe = "import socket, sys; socket.create_connection((sys.argv[1], 11211), timeout=3)"
    assert run("h2", "python3", "-c", probe, "192.168.1.11").status != 0
    assert run("h2", "python3", "-c", probe, "www.example.com").status == 0


TIME_APP = """\
import time
def app(environ, start_response):   # a WSGI callable, as chapter 10's README serves them
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [f"{time.ctime()} for {environ['HTTP_HOST']}".encode()]
"""


@pytest.fixture
def app_folder(run):
    """A folder on h2 whose name Python can import from, removed afterwards."""
    folder = f"/tmp/book_{uuid.uuid4().hex}"
    run("h2", "mkdir", folder).check()
    yield folder
    run("h2", "rm", "-rf", folder)


def test_gunicorn_serves_a_wsgi_app_on_a_client_host(run, serve, app_folder):
    # Chapter 10's `gunicorn -b ':8001' timeapp_raw:app`, then curl on the same host.
    run("h2", "sh", "-c", f'printf %s "$0" > {app_folder}/timeapp.py', TIME_APP).check()
    with serve("h2", "gunicorn", "--chdir", app_folder, "-b", ":8001", "timeapp:app",
               port=8001):
        result = run("h2", "curl", "-s", "http://127.0.0.1:8001/").check()
    assert result.stdout.endswith(" for 127.0.0.1:8001"), result.stdout


def test_ssh_copy_id_finds_roots_key_already_with_brandon(run):
    # Chapter 16's README: as root, ssh-copy-id brandon@www, then ssh with no password.
    copied = run("h1", "ssh-copy-id", "brandon@www.example.com")
    assert copied.status == 0 and "already exist" in copied.stderr, copied.stderr
    result = run("h1", "ssh", "-o", "BatchMode=yes", "brandon@www.example.com", "echo Success")
    assert result.stdout == "Success\n", result.stderr


def ssh_as_root(run, host, *command):
    """root on h1 to root on host with the lab key, as the book's `# ssh ftp.example.com`."""
    return run("h1", "ssh", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes",
               f"{host}.example.com", *command)


INETD_SERVICE = """\
import getpass, socket, sys
sock = socket.fromfd(0, socket.AF_INET, socket.SOCK_STREAM)   # inetd hands us the connection
sock.sendall(f"served by {getpass.getuser()} for {sock.getpeername()[0]}\\n".encode())
"""


@pytest.fixture
def inetd_conf(run):
    """ftp's /etc/inetd.conf, put back (and inetd reloaded) after the test."""
    saved = run("ftp", "cat", "/etc/inetd.conf").check().stdout
    yield
    run("ftp", "sh", "-c", 'printf %s "$0" > /etc/inetd.conf && rm -f /book_service.py '
        "/root/book_inetd.conf && /etc/init.d/openbsd-inetd reload", saved).check()


def test_an_inetd_service_added_the_books_way_runs_as_brandon(run, put, inetd_conf):
    # Chapter 7's README: scp the program and a config line from h1 to ftp, append the line
    # to inetd.conf, reload inetd the Debian way, make the program readable for brandon.
    program = put("h1", INETD_SERVICE, suffix=".py")
    conf = put("h1", f"1060 stream tcp nowait {BOOK_USER} /usr/bin/python3 /usr/bin/python3 "
                     "/book_service.py\n", suffix=".conf")
    scp = ["scp", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes"]
    run("h1", *scp, program, "ftp.example.com:/book_service.py").check()
    run("h1", *scp, conf, "ftp.example.com:book_inetd.conf").check()
    ssh_as_root(run, "ftp", "cat book_inetd.conf >> /etc/inetd.conf && "
                "/etc/init.d/openbsd-inetd reload && chmod 600 /book_service.py").check()
    # Unreadable for brandon: the service starts and fails, as the README warns.
    unreadable = py(run, CONNECT, "h1", 30, "ftp.example.com", "1060")
    assert "served by" not in unreadable, unreadable
    ssh_as_root(run, "ftp", "chmod a+r /book_service.py").check()
    out = py(run, CONNECT, "h1", 30, "ftp.example.com", "1060")
    assert out.strip() == "served by brandon for 10.25.1.65", out   # modemA's NAT address


CONNECT = """
import socket, sys
with socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=10) as sock:
    print(sock.makefile().read())
"""


def test_scp_and_ssh_as_brandon_with_a_password_ask_nothing_else(run, put):
    # Strict host key checking: an unknown key would fail, not prompt; the password is the
    # only thing typed (by SSH_ASKPASS, in place of the reader).
    askpass = put("h2", ASKPASS, suffix=".sh")
    run("h2", "chmod", "755", askpass).check()
    token = uuid.uuid4().hex
    data = put("h2", token + "\n", suffix=".txt")
    options = ["-o", "StrictHostKeyChecking=yes", "-o", "PubkeyAuthentication=no"]
    env = ["env", f"SSH_ASKPASS={askpass}", "SSH_ASKPASS_REQUIRE=force", "setsid"]
    name = f"book-{token}.txt"
    try:
        run("h2", *env, "scp", *options, data, f"{BOOK_USER}@ftp.example.com:{name}").check()
        result = run("h2", *env, "ssh", *options, f"{BOOK_USER}@ftp.example.com",
                     f"stat -c %U {name}; cat {name}")
        assert result.stdout.split() == [BOOK_USER, token], result.stderr
    finally:
        run("ftp", "rm", "-f", f"/home/{BOOK_USER}/{name}")


def test_the_books_public_ftp_names_are_our_ftp(run, topology):
    out = py(run, """
        import dns.resolver, socket
        for name in ["ftp.ibiblio.org", "ftp.kernel.org"]:
            address = str(dns.resolver.resolve(name, "A")[0])
            print(name, address, socket.gethostbyaddr(address)[0])
    """)
    ftp = topology["ftp"]
    assert out.splitlines() == [f"ftp.{site}.org {ftp.address} {ftp.fqdn}"
                                for site in ("ibiblio", "kernel")]


def test_the_books_ftp_paths_serve_their_stand_ins(run):
    folder = f"{PUB}/academic/astronomy"
    want = sorted(run("ftp", "ls", folder).check().stdout.split())
    tarball = "linux/kernel/v1.0/linux-1.0.tar.gz"
    digest = run("ftp", "sha256sum", f"{PUB}/{tarball}").check().stdout.split()[0]
    out = py(run, f"""
        import ftplib, hashlib, io, tarfile
        ftp = ftplib.FTP("ftp.ibiblio.org"); ftp.login()
        ftp.cwd("/pub/academic/astronomy/")
        print("astronomy", " ".join(sorted(ftp.nlst()))); ftp.quit()
        ftp = ftplib.FTP("ftp.kernel.org"); ftp.login()
        lines = []
        ftp.retrlines("RETR /pub/linux/kernel/README", lines.append)
        print("readme", len(lines), "stand-in" in lines[0])
        data = bytearray()
        ftp.retrbinary("RETR /pub/{tarball}", data.extend)
        print("tarball", hashlib.sha256(data).hexdigest())
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:   # a real one, as tar tzf shows
            print("members", " ".join(sorted(tar.getnames())))
        ftp.cwd("/pub/linux/kernel/Historic/old-versions")
        print("historic", " ".join(sorted(ftp.nlst())), " ".join(ftp.nlst("old"))); ftp.quit()
    """)
    lines = dict(line.split(" ", 1) for line in out.splitlines())
    assert lines["astronomy"].split() == want and len(want) == 13, out
    assert lines["readme"] == "40 True" and lines["tarball"] == digest, out
    assert lines["members"] == "linux/README linux/kernel.bin", out
    assert lines["historic"] == "impure old tytso old/corrupt", out


def test_without_a_checkout_fopnp_says_how_to_mount_one(run):
    book = run("h3", "sh", "-c", "ls /fopnp; readlink /py3").check().stdout.split()
    if book[:1] != ["README.txt"]:
        pytest.skip("a checkout of the book is mounted (./scripts/up --book): nothing to check")
    assert book == ["README.txt", "/fopnp/py3"]
    text = run("mail", "cat", "/fopnp/README.txt").check().stdout
    assert "./scripts/up --book" in text and "labs/BOOK.md" in text


def up(*args):
    return subprocess.run([str(ROOT / "scripts" / "up"), *args], capture_output=True,
                          text=True, timeout=900)


@pytest.mark.recreates_hosts
def test_up_book_mounts_a_checkout_everywhere_and_no_book_takes_it_away(run, tmp_path):
    before = book.remembered()
    chapter = tmp_path / "fopnp" / "py3" / "chapter13"
    chapter.mkdir(parents=True)
    token = uuid.uuid4().hex
    (chapter / "note.txt").write_text(token)
    try:
        result = up("--book", str(tmp_path / "fopnp"))
        assert result.returncode == 0, result.stderr
        for host in ["h1", "ftp", "backbone"]:
            assert run(host, "cat", "/fopnp/py3/chapter13/note.txt").stdout == token
        # Read-write, as the book's listings write into their own folder.
        run("h4", "sh", "-c", "cd /py3/chapter13 && echo written > out.txt").check()
        assert (chapter / "out.txt").read_text() == "written\n"
    finally:
        result = up("--book", before) if before else up("--no-book")
    assert result.returncode == 0, result.stderr
    if not before:
        assert run("h1", "ls", "/fopnp").stdout.split() == ["README.txt"]
