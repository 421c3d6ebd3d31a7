"""Every host knows every other host's SSH key: strict checking, no prompt, no TOFU."""
import pytest

STRICT = ["ssh", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes"]
PARAMIKO = """
import sys, paramiko
client = paramiko.SSHClient()
client.load_host_keys("/etc/ssh/ssh_known_hosts")
client.set_missing_host_key_policy(paramiko.RejectPolicy())
client.connect(sys.argv[1], username="student", password="abc123", look_for_keys=False,
               allow_agent=False, timeout=10)
print(client.exec_command("hostname")[1].read().decode().strip())
"""


@pytest.mark.parametrize("source, target, answer", [
    ("h1", "www", "www"), ("h4", "modem", "modemB"), ("h2", "smtp.example.com", "mail"),
    ("ftp", "10.25.1.1", "isp")])
def test_ssh_between_hosts_checks_keys_strictly(run, source, target, answer):
    result = run(source, "su", "-", "student", "-c", " ".join([*STRICT, target, "hostname"]))
    assert (result.status, result.stdout.strip()) == (0, answer), result.stderr


def test_paramiko_with_reject_policy_connects(run):
    result = run("h3", "python3", "-c", PARAMIKO, "mail.example.com")
    assert (result.status, result.stdout.strip()) == (0, "mail"), result.stderr


def test_a_changed_host_key_is_refused(run, put):
    # A known_hosts that pairs www with mail's key: ssh must refuse, not ask.
    mail_key = run("mail", "cat", "/etc/ssh/ssh_host_ed25519_key.pub").check().stdout
    wrong = put("h1", "www " + " ".join(mail_key.split()[:2]) + "\n", suffix=".known")
    result = run("h1", *STRICT, "-o", f"GlobalKnownHostsFile={wrong}",
                 "-o", "UserKnownHostsFile=/dev/null", "www", "true")
    assert result.status != 0 and "HOST IDENTIFICATION HAS CHANGED" in result.stderr
