"""Exercise 4's program: fetch one file from the student's home over explicit FTPS with
secure_fetch() (yours, in exercises/ftps_fetch.py) and say what arrived; a server that cannot
prove it is the host named gets one line, `refused the server: ...`, and nothing else."""
import hashlib

import ftplab
import labkit

answers = labkit.answer("ftps_fetch")


def main() -> None:
    p = ftplab.parser(__doc__, user=ftplab.ACCOUNT[0])
    p.add_argument("name", help="the file to fetch from the home folder")
    args = p.parse_args()
    data = answers.secure_fetch(args.host, args.port, args.user, ftplab.password(args),
                                args.name)
    print(f"fetched {args.name}: {len(data)} bytes, sha256 {hashlib.sha256(data).hexdigest()}")


if __name__ == "__main__":
    ftplab.main(main)
