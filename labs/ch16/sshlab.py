"""Plumbing shared by chapter 16's SSH programs: the lab key, the options every program takes,
a connection that trusts only the host keys in a known_hosts file, and one-line exits for
paramiko's refusals (they are not OSErrors).

The SSH calls the chapter teaches (exec_command, invoke_shell, open_sftp, open_channel) stay
in the programs and in your exercises."""
import argparse

import paramiko

import labkit

LAB_KEY = "/etc/playground/certs/ssh/id_ed25519"   # installed for root and student everywhere
KNOWN_HOSTS = "/tmp/ch16_known_hosts"               # README: "Whose key is it?"
SSH_PORT = 22


def parser(description: str) -> argparse.ArgumentParser:
    """host, --port, --user and --known-hosts: where to log in and whom to trust."""
    p = argparse.ArgumentParser(description=description)
    p.add_argument("host", help="an SSH server of the lab, e.g. www")
    p.add_argument("--port", type=labkit.port, default=SSH_PORT)
    p.add_argument("--user", default="student")
    p.add_argument("--known-hosts", default=KNOWN_HOSTS,
                   help=f"the only host keys trusted (default {KNOWN_HOSTS})")
    return p


def connect(args) -> paramiko.SSHClient:
    """One SSH connection, logged in with the lab key, to a host whose key is in the
    known_hosts file: any other key, or none, is refused before we authenticate."""
    client = paramiko.SSHClient()
    client.load_host_keys(args.known_hosts)
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.connect(args.host, args.port, username=args.user, key_filename=LAB_KEY,
                   look_for_keys=False, allow_agent=False, timeout=10)
    return client


def main(program) -> None:
    """labkit.main, plus one line for a host key, login or protocol that paramiko refused."""
    def guarded():
        try:
            program()
        except FileNotFoundError as exc:
            labkit.fail(f"{exc.filename}: no such file (README: \"Whose key is it?\")")
        except paramiko.BadHostKeyException as exc:
            labkit.fail(f"refused {exc.hostname}: its host key is not the one we know")
        except paramiko.SSHException as exc:
            labkit.fail(f"refused: {exc}")
    labkit.main(guarded)
