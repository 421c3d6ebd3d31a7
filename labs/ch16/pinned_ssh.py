"""Exercise 3's program: log in with a password only to a server whose host key has the
fingerprint you give (connect() is yours, in exercises/pinned.py), run a command, print
its output."""
import argparse

import labkit
import sshlab

connect = labkit.answer("pinned").connect


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("host")
    parser.add_argument("command")
    parser.add_argument("--fingerprint", required=True,
                        help="SHA256:..., as `ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub`"
                             " prints it on the server")
    parser.add_argument("--port", type=labkit.port, default=sshlab.SSH_PORT)
    parser.add_argument("--user", default="student")
    parser.add_argument("--password", default="abc123")
    args = parser.parse_args()
    client = connect(args.host, args.port, args.user, args.password, args.fingerprint)
    with client:
        _, stdout, _ = client.exec_command(args.command)
        print(stdout.read().decode(errors="replace"), end="")


if __name__ == "__main__":
    sshlab.main(main)
