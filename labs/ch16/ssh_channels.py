"""Several commands at once on ONE SSH connection: each exec_command opens a channel of its
own on the same encrypted TCP connection, and every channel is started before any output is
read, so the commands run side by side (the defaults wait for each other to prove it)."""
import time

import sshlab

MEET = "/tmp/ch16-meet"
DEFAULTS = [f"until [ -e {MEET} ]; do sleep 0.1; done; echo first saw the second; rm {MEET}",
            f"sleep 0.5; touch {MEET}; echo second touched {MEET}",
            "echo third on $(hostname) as $(whoami)"]


def main() -> None:
    parser = sshlab.parser(__doc__)
    parser.add_argument("commands", nargs="*", default=DEFAULTS)
    args = parser.parse_args()
    start = time.monotonic()
    with sshlab.connect(args) as client:
        started = [client.exec_command(command) for command in args.commands]
        print(f"one connection, {len(started)} channels: "
              + ", ".join(str(out.channel.get_id()) for _, out, _ in started))
        for command, (_, stdout, _) in zip(args.commands, started):
            text = stdout.read().decode(errors="replace").strip()
            status = stdout.channel.recv_exit_status()
            print(f"channel {stdout.channel.get_id()} exit {status}: {text}")
    print(f"all done in {time.monotonic() - start:.1f} s")


if __name__ == "__main__":
    sshlab.main(main)
