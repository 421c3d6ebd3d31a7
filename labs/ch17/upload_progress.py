"""Exercise 3's program: upload a local file to the student's home on the FTP server with
upload() (yours, in exercises/upload.py), printing the progress it reports."""
import os

import ftplab
import labkit

answers = labkit.answer("upload")


def show(sent: int, total: int) -> None:
    share = 100 * sent // total if total else 100
    print(f"progress: {sent}/{total} bytes ({share}%)", flush=True)


def main() -> None:
    p = ftplab.parser(__doc__, user=ftplab.ACCOUNT[0])
    p.add_argument("path", help="the local file to upload")
    p.add_argument("name", nargs="?", help="its name on the server (default: the same)")
    args = p.parse_args()
    name = args.name or os.path.basename(args.path)
    ftp = ftplab.login(args)
    sent = answers.upload(ftp, args.path, name, show)
    print(f"stored {name}: {sent} bytes; the server says it has {ftp.size(name)}")
    ftp.quit()


if __name__ == "__main__":
    ftplab.main(main)
