"""Exercise 1's program: copy a folder of the FTP server, with everything under it, into a
local folder, with mirror() and is_folder() (yours, in exercises/mirror.py)."""
import ftplab
import labkit

answers = labkit.answer("mirror")


def main() -> None:
    p = ftplab.parser(__doc__)
    p.add_argument("remote", help="the server's folder, e.g. pub")
    p.add_argument("local", help="the local folder to copy it into (made if missing)")
    args = p.parse_args()
    ftp = ftplab.login(args)
    count = answers.mirror(ftp, args.remote, args.local)
    ftp.quit()
    print(f"mirrored {count} files from {args.remote} into {args.local}")


if __name__ == "__main__":
    ftplab.main(main)
