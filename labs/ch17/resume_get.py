"""Exercise 2's program: finish downloading a file that a broken transfer left half done,
with resume() (yours, in exercises/resume.py), then check it against the SHA-256 it should
have with verify() (yours too)."""
import os

import ftplab
import labkit

answers = labkit.answer("resume")


def main() -> None:
    p = ftplab.parser(__doc__)
    p.add_argument("remote", help="the file on the server, e.g. pub/binary/1MiB.bin")
    p.add_argument("local", help="the local file: completed if it holds a beginning already")
    p.add_argument("--sha256", required=True, help="the hex SHA-256 the whole file must have")
    args = p.parse_args()
    start = os.path.getsize(args.local) if os.path.exists(args.local) else 0
    ftp = ftplab.login(args)
    fetched = answers.resume(ftp, args.remote, args.local)
    ftp.quit()
    print(f"{args.local}: had {start} bytes, fetched {fetched}")
    if not answers.verify(args.local, args.sha256.lower()):
        labkit.fail(f"{args.local}: SHA-256 mismatch, it is not {args.remote} "
                    f"(delete it and download again)")
    print(f"{args.local}: SHA-256 verified")


if __name__ == "__main__":
    ftplab.main(main)
