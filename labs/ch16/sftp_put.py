"""Exercise 4's program: upload a file over SFTP with upload() (yours, in
exercises/sftp_upload.py), printing its progress, then what the server holds."""
import stat

import labkit
import sshlab

upload = labkit.answer("sftp_upload").upload


def main() -> None:
    parser = sshlab.parser(__doc__)
    parser.add_argument("local")
    parser.add_argument("remote", help="a path on the server (relative: in the user's home)")
    args = parser.parse_args()
    with sshlab.connect(args) as client, client.open_sftp() as sftp:
        upload(sftp, args.local, args.remote,
               lambda sent, total: print(f"progress: {sent}/{total} bytes", flush=True))
        held = sftp.stat(args.remote)
        print(f"stored {args.remote}: {held.st_size} bytes, mode {stat.S_IMODE(held.st_mode):o}")


if __name__ == "__main__":
    sshlab.main(main)
