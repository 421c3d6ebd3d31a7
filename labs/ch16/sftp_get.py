"""SFTP: list a remote folder with each file's size and mode, then download one file with
progress, over the same SSH connection that could also run commands."""
import hashlib
import posixpath
import stat

import sshlab


def main() -> None:
    parser = sshlab.parser(__doc__)
    parser.add_argument("remote", help="a file on the server (relative: in the user's home)")
    parser.add_argument("local")
    args = parser.parse_args()
    with sshlab.connect(args) as client, client.open_sftp() as sftp:
        folder = posixpath.dirname(args.remote) or "."
        for entry in sorted(sftp.listdir_attr(folder), key=lambda e: e.filename):
            print(f"{stat.filemode(entry.st_mode)} {entry.st_size:>9} {entry.filename}")
        sftp.get(args.remote, args.local,
                 callback=lambda got, total: print(f"progress: {got}/{total} bytes"))
    with open(args.local, "rb") as f:
        print(f"fetched {args.remote}: sha256 {hashlib.sha256(f.read()).hexdigest()}")


if __name__ == "__main__":
    sshlab.main(main)
