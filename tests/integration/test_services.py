"""example.com's services, used from h1 with real clients, TLS verified against the lab CA."""
import re
import textwrap

import pytest

USER, PASSWORD = "student", "abc123"   # the lab-only account (README.md)


def py(run, code, host="h1", timeout=60):
    """Run a Python snippet on a host; return its stdout."""
    return run(host, "python3", "-c", textwrap.dedent(code), timeout=timeout).check().stdout


@pytest.fixture
def fresh_mailbox(run):
    run("mail", "reset-mailbox").check()
    yield
    run("mail", "reset-mailbox").check()


def test_dns_zone_answers_every_record_type(run, topology):
    out = py(run, """
        import dns.resolver, dns.reversename
        r = dns.resolver.Resolver()
        def show(name, rtype):
            try:
                print(name, rtype, sorted(a.to_text() for a in r.resolve(name, rtype)))
            except dns.resolver.NXDOMAIN:
                print(name, rtype, "NXDOMAIN")
            except dns.resolver.NoAnswer:
                print(name, rtype, "NODATA")
        for q in [("example.com", "SOA"), ("example.com", "NS"), ("example.com", "MX"),
                  ("example.com", "TXT"), ("www.example.com", "A"), ("www.example.com", "AAAA"),
                  ("www.example.com", "MX"), ("nosuch.example.com", "A"), ("h1", "A"), ("nosuch-tld", "A")]:
            show(*q)
        print("cname", r.resolve("smtp.example.com", "CNAME")[0].target)
        print("ptr", r.resolve(dns.reversename.from_address("10.130.1.4"), "PTR")[0])
    """)
    assert "example.com SOA ['backbone. hostmaster.example.com." in out
    assert "example.com MX ['10 mail.example.com.', '20 mx2.example.com.']" in out
    assert '"v=spf1 mx -all"' in out
    assert f"www.example.com A ['{topology['www'].address}']" in out
    assert f"www.example.com AAAA ['{topology['www'].address6}']" in out   # dual stack
    assert "www.example.com MX NODATA" in out
    assert "nosuch.example.com A NXDOMAIN" in out and "nosuch-tld A NXDOMAIN" in out
    assert f"h1 A ['{topology['h1'].address}']" in out
    assert "cname mail.example.com." in out and "ptr www.example.com." in out


def test_dns_queries_are_logged(run, machine):
    run("h2", "getent", "hosts", "ftp.example.com").check()
    log = machine("backbone").file("/var/log/named/queries.log").content_string
    assert any("query: ftp.example.com IN A" in line for line in log.splitlines()[-50:])


@pytest.mark.parametrize("url", ["http://www.example.com/get", "https://www.example.com/get",
                                 "https://www/get"])
def test_web_with_verified_tls(run, url):
    out = py(run, f"""
        import requests
        print(requests.get("{url}", timeout=10).json()["url"])
    """)
    assert out.strip() == url


@pytest.mark.parametrize("host", ["h4", "mail"])
def test_the_ca_path_alone_verifies_a_lab_certificate(run, put, host):
    # openssl's CA path (/etc/ssl/certs/HASH.0, the link 10-trust makes), not the bundle.
    cert = put(host, run("www", "cat", "/etc/playground/tls/server.crt").check().stdout)
    done = run(host, "openssl", "verify", "-no-CAfile", "-CApath", "/etc/ssl/certs", cert)
    assert (done.status, done.stdout.strip()) == (0, f"{cert}: OK"), done.stderr


def test_a_deleted_ca_link_is_made_again_at_start_up(run):
    """10-trust runs at every start of a host: a CA already in the bundle still gets its
    hash link back (run here by hand, as a restart would)."""
    link = run("h4", "sh", "-c", "echo /etc/ssl/certs/$(cat /etc/playground/certs/ca.hash).0")
    link = link.check().stdout.strip()
    target = run("h4", "readlink", link).check().stdout.strip()
    try:
        run("h4", "rm", link).check()
        run("h4", "/usr/local/lib/playground/start.d/10-trust").check()
        assert run("h4", "readlink", link).stdout.strip() == target
    finally:   # h4 as it was, whatever happened
        run("h4", "ln", "-sfn", target, link).check()


def test_mail_sent_with_starttls_and_auth_is_read_back(run, fresh_mailbox):
    out = py(run, f"""
        import imaplib, poplib, smtplib, ssl, time
        from email.message import EmailMessage
        ctx = ssl.create_default_context()
        ctx.verify_flags |= ssl.VERIFY_X509_STRICT
        msg = EmailMessage()
        msg["From"], msg["To"], msg["Subject"] = "h1@example.com", "{USER}@example.com", "tested"
        msg.set_content("sent over port 587")
        with smtplib.SMTP("mail.example.com", 587) as s:
            s.ehlo()
            assert "auth" not in s.esmtp_features
            s.starttls(context=ctx)
            s.ehlo()
            s.login("{USER}", "{PASSWORD}")
            s.send_message(msg)
        with smtplib.SMTP("mail.example.com", 25) as s:
            s.ehlo()
            print("size" in s.esmtp_features, "auth" in s.esmtp_features)
            msg.replace_header("Subject", "plain")
            s.send_message(msg)
        for _ in range(100):   # delivery is asynchronous: poll until both have arrived
            pop = poplib.POP3_SSL("mail.example.com", context=ctx)
            pop.user("{USER}"); pop.pass_("{PASSWORD}")
            count = pop.stat()[0]; pop.quit()
            if count == 5:
                break
            time.sleep(0.1)
        print("pop3s", count)
        imap = imaplib.IMAP4_SSL("mail.example.com", ssl_context=ctx)
        imap.login("{USER}", "{PASSWORD}")
        imap.select("INBOX")
        print("imaps", imap.search(None, "SUBJECT", "tested")[1][0].decode().split())
        print("folders", b"Sent" in b"".join(imap.list()[1]))
        imap.logout()
    """)
    assert "True False" in out            # port 25: SIZE, and no AUTH before STARTTLS
    assert "pop3s 5" in out               # 3 seeded messages and our 2
    assert re.search(r"imaps \['\d+'\]", out) and "folders True" in out


def test_pop3_apop_and_insecure_port_shows_auth_in_clear(run):
    out = py(run, f"""
        import poplib, smtplib
        pop = poplib.POP3("mail.example.com")
        print("apop", pop.apop("{USER}", "{PASSWORD}")); pop.quit()
        with smtplib.SMTP("mail.example.com", 2525) as s:
            s.ehlo()
            print("auth-in-clear", "auth" in s.esmtp_features)
    """)
    assert "apop b'+OK" in out and "auth-in-clear True" in out


def test_seeded_mailbox_has_the_multipart_sample(run, fresh_mailbox):
    out = py(run, f"""
        import email, poplib
        pop = poplib.POP3_SSL("mail.example.com")
        pop.user("{USER}"); pop.pass_("{PASSWORD}")
        for i in range(1, pop.stat()[0] + 1):
            msg = email.message_from_bytes(b"\\r\\n".join(pop.retr(i)[1]))
            print([part.get_content_type() for part in msg.walk()])
    """)
    lines = out.strip().splitlines()
    assert len(lines) == 3
    assert sum(line == "['text/plain']" for line in lines) == 2
    assert any("'multipart/mixed', 'multipart/alternative', 'text/plain', 'text/html'" in line
               for line in lines)


@pytest.mark.parametrize("active", [False, True])
def test_ftp_anonymous_download_and_user_upload(run, active):
    out = py(run, f"""
        import ftplib, hashlib, io
        ftp = ftplib.FTP("ftp.example.com"); ftp.login(); ftp.set_pasv({not active})
        sums = io.BytesIO(); ftp.retrbinary("RETR pub/SHA256SUMS", sums.write)
        for line in sums.getvalue().decode().splitlines():
            digest, name = line.split()
            if name.startswith("binary/"):
                data = io.BytesIO(); ftp.retrbinary("RETR pub/" + name, data.write)
                print(name, hashlib.sha256(data.getvalue()).hexdigest() == digest)
        ftp.quit()
        ftp = ftplib.FTP("ftp.example.com"); ftp.login("{USER}", "{PASSWORD}")
        ftp.set_pasv({not active})
        ftp.storbinary("STOR upload-test.bin", io.BytesIO(b"x" * 50000))
        print("uploaded", ftp.size("upload-test.bin")); ftp.delete("upload-test.bin"); ftp.quit()
    """)
    assert out.count(" True") == 3 and " False" not in out
    assert "uploaded 50000" in out


def test_ftps_verifies_and_protects_data(run):
    out = py(run, f"""
        import ftplib, ssl
        ftp = ftplib.FTP_TLS("ftp.example.com", context=ssl.create_default_context())
        ftp.login("{USER}", "{PASSWORD}"); ftp.prot_p()
        print("tls", ftp.sock.version(), ftp.nlst("/") is not None); ftp.quit()
    """)
    assert re.search(r"tls TLSv1\.[23] True", out)


def test_telnet_login(run):
    out = py(run, f"""
        import socket
        IAC, DONT, DO, WONT, WILL = 255, 254, 253, 252, 251
        def read_until(sock, word):
            seen = b""
            while word not in seen:
                data = sock.recv(1024)
                if not data:
                    raise SystemExit("closed")
                i = 0
                while i < len(data):   # refuse every option the server proposes
                    if data[i] == IAC and data[i + 1] in (DO, WILL):
                        answer = WONT if data[i + 1] == DO else DONT
                        sock.sendall(bytes([IAC, answer, data[i + 2]]))
                        i += 3
                    else:
                        seen += data[i:i + 1]
                        i += 1
            return seen
        s = socket.create_connection(("ftp.example.com", 23), timeout=10)
        read_until(s, b"login:"); s.sendall(b"{USER}\\r\\n")
        read_until(s, b"assword:"); s.sendall(b"{PASSWORD}\\r\\n")
        read_until(s, b"$ ")   # the shell's prompt: login discards what is typed before it
        s.sendall(b"id; exit\\r\\n")
        print(read_until(s, b" gid=").decode(errors="replace"))
    """)
    assert f"({USER})" in out


@pytest.mark.parametrize("account", ["root", USER])
def test_ssh_with_the_lab_key(run, account):
    out = run("h1", "ssh", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no",
              f"{account}@www.example.com", "id -un; hostname").check().stdout.split()
    assert out == [account, "www"]


def test_paramiko_with_the_lab_key(run):
    out = py(run, """
        import paramiko
        client = paramiko.SSHClient()
        client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
        client.connect("mail.example.com", username="student")
        print(client.exec_command("hostname")[1].read().decode().strip())
        client.close()
    """)
    assert out.strip() == "mail"


@pytest.mark.parametrize("host, port, starttls", [
    ("www", 443, None), ("mail", 993, None), ("mail", 995, None), ("mail", 25, "smtp"),
    ("mail", 587, "smtp"), ("mail", 143, "imap"), ("mail", 110, "pop3"), ("ftp", 21, "ftp")])
def test_every_tls_port_passes_strict_verification(run, topology, host, port, starttls):
    args = ["openssl", "s_client", "-connect", f"{topology[host].fqdn}:{port}",
            "-verify_return_error", "-x509_strict", "-verify_hostname", topology[host].fqdn]
    if starttls:
        args += ["-starttls", starttls]
    result = run("h1", *args, stdin="")
    assert "Verify return code: 0 (ok)" in result.stdout, result.stdout[-500:]


def test_wrong_ca_or_wrong_name_fails(run):
    out = py(run, """
        import socket, ssl
        def attempt(ctx, name):
            try:
                with socket.create_connection(("www.example.com", 443), timeout=5) as s:
                    ctx.wrap_socket(s, server_hostname=name).close()
                return "accepted"
            except ssl.SSLCertVerificationError as e:
                return e.verify_message
        print("name:", attempt(ssl.create_default_context(), "mail.example.com"))
        other = ssl.create_default_context(cafile="/etc/ssl/certs/ISRG_Root_X1.pem")
        print("ca:", attempt(other, "www.example.com"))
    """)
    assert "name: Hostname mismatch" in out
    assert "ca: unable to get local issuer certificate" in out


def test_servers_listen_on_exactly_the_documented_ports(machine, topology):
    for host in topology.hosts.values():
        listening = machine(host.name).socket.get_listening_sockets()
        local = [s[len("tcp://"):].rsplit(":", 1) for s in listening if s.startswith("tcp://")]
        # What other hosts can reach: loopback-only listeners (Docker's DNS, rndc) aside.
        ports = {int(port) for addr, port in local if not addr.startswith("127.")}
        assert ports == {22, *host.ports}, host.name
