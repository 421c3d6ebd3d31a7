"""Whom does a client trust? Log in with a password under one of paramiko's policies for a
host key that no known_hosts file lists: AutoAddPolicy and WarningPolicy log in to anyone
(a man in the middle gets the password), RejectPolicy refuses before the password is sent."""
import argparse

import paramiko

import labkit
import sshlab

POLICIES = {"auto": paramiko.AutoAddPolicy, "warn": paramiko.WarningPolicy,
            "reject": paramiko.RejectPolicy}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("host")
    parser.add_argument("--port", type=labkit.port, default=sshlab.SSH_PORT)
    parser.add_argument("--policy", choices=POLICIES, default="reject")
    parser.add_argument("--password", default="abc123")
    args = parser.parse_args()
    with paramiko.SSHClient() as client:
        client.set_missing_host_key_policy(POLICIES[args.policy]())
        client.connect(args.host, args.port, username="student", password=args.password,
                       look_for_keys=False, allow_agent=False, timeout=10)
        key = client.get_transport().get_remote_server_key()
        print(f"logged in; the server's key was {key.get_name()} {key.get_base64()}")
        _, stdout, _ = client.exec_command("hostname")
        print(f"it says: {stdout.read().decode().strip()}")


if __name__ == "__main__":
    sshlab.main(main)
