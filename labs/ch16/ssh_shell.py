"""An interactive shell over SSH, driven by a program: invoke_shell() gives a terminal, so
what comes back is whatever a person would see (the prompt, the echo of what we typed,
terminal escapes) with no boundary between one command's output and the next, and no exit
status per command. Compare with exec_command in ssh_channels.py."""
import sshlab


def main() -> None:
    parser = sshlab.parser(__doc__)
    parser.add_argument("lines", nargs="*", default=["cd /tmp", "pwd", "echo $TERM"],
                        help="typed one after the other into the same shell")
    args = parser.parse_args()
    with sshlab.connect(args) as client:
        channel = client.invoke_shell(term="vt100", width=100)
        for line in [*args.lines, "exit"]:
            channel.sendall(line.encode() + b"\n")
        screen = b""
        while data := channel.recv(4096):      # the shell exits after "exit": EOF
            screen += data
        print(f"exit status of the whole shell: {channel.recv_exit_status()}")
        print(screen.decode(errors="replace").replace("\r", ""))


if __name__ == "__main__":
    sshlab.main(main)
