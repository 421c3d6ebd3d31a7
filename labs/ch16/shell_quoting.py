"""Why shells need quoting: the same arguments through a toy shell where only whitespace is
special, through sh as a naive line, and through sh quoted with shlex.join (which quotes each
argument with shlex.quote); with --via HOST, also through the remote shell that every SSH
exec_command goes through."""
import argparse
import shlex
import subprocess

import labkit
import sshlab

TRICKY = ["two  words", "$HOME", "a;echo INJECTED", "*", ""]
SHOW = "printf '[%s]'"      # the command that shows how a shell split its line


def toy_shell(line: str) -> list[str]:
    """A shell where only whitespace is special: no quotes, no $, no ;, no *."""
    return line.split()


def through_sh(line: str) -> str:
    done = subprocess.run(["sh", "-c", line], capture_output=True, text=True, cwd="/")
    return (done.stdout + done.stderr).strip()


def through_ssh(args, line: str) -> str:
    with sshlab.connect(args) as client:
        _, stdout, stderr = client.exec_command(line)
        return (stdout.read() + stderr.read()).decode().strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("words", nargs="*", default=TRICKY, help="arguments to pass on")
    parser.add_argument("--via", metavar="HOST", help="also run the lines there over SSH")
    args = parser.parse_args()
    naive, quoted = " ".join(args.words), shlex.join(args.words)
    show("arguments", "".join(f"[{w}]" for w in args.words))
    show("toy shell, naive line", "".join(f"[{w}]" for w in toy_shell(naive)))
    show("naive line", naive)
    show("sh, naive line", through_sh(f"{SHOW} {naive}"))
    show("quoted line", quoted)
    show("sh, quoted line", through_sh(f"{SHOW} {quoted}"))
    if args.via:
        ssh = argparse.Namespace(host=args.via, port=sshlab.SSH_PORT, user="student",
                                 known_hosts=sshlab.KNOWN_HOSTS)
        show(f"{args.via} over SSH, naive", through_ssh(ssh, f"{SHOW} {naive}"))
        show(f"{args.via} over SSH, quoted", through_ssh(ssh, f"{SHOW} {quoted}"))


def show(label: str, text: str) -> None:
    print(f"{label + ':':26} {text}")


if __name__ == "__main__":
    sshlab.main(main)
