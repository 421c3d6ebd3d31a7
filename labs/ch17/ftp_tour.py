"""An anonymous FTP session: the welcome, NLST against LIST, and the same server's files
downloaded in ASCII mode (a text file, line by line) and in binary mode (exact bytes), each
checked against the server's SHA256SUMS."""
import hashlib
import posixpath

import ftplab


def listings(ftp, folder: str) -> None:
    """NLST gives bare names (nothing says which are folders); LIST gives `ls -l` lines,
    whose format no standard fixes."""
    print(f"NLST {folder}: {' '.join(posixpath.basename(n) for n in ftp.nlst(folder))}")
    print(f"LIST {folder}:")
    ftp.retrlines(f"LIST {folder}", lambda line: print(f"  {line}"))


def sums(ftp) -> dict:
    """{path: sha256} from the server's pub/SHA256SUMS, itself fetched in ASCII mode."""
    lines = []
    ftp.retrlines("RETR pub/SHA256SUMS", lines.append)
    return {f"pub/{path}": digest for digest, path in (line.split("  ", 1) for line in lines)}


def get_ascii(ftp, path: str) -> bytes:
    """TYPE A: the server sends lines (with CRLF, the network's line ending), ftplib hands
    them over one by one without it; we end each with this system's "\\n"."""
    lines = []
    ftp.retrlines(f"RETR {path}", lines.append)
    return "".join(line + "\n" for line in lines).encode(ftp.encoding)


def get_binary(ftp, path: str) -> bytes:
    """TYPE I: the bytes as they are, in blocks as they arrive."""
    blocks = []
    ftp.retrbinary(f"RETR {path}", blocks.append)
    return b"".join(blocks)


def report(mode: str, path: str, data: bytes, known: dict) -> None:
    digest = hashlib.sha256(data).hexdigest()
    verdict = "matches" if known.get(path) == digest else "DIFFERS from"
    print(f"{mode:6} {path}: {len(data)} bytes, sha256 {digest} {verdict} SHA256SUMS")


def main() -> None:
    p = ftplab.parser(__doc__)
    p.add_argument("--folder", default="pub", help="the folder to list (default pub)")
    p.add_argument("--text", default="pub/README.txt", help="fetched in ASCII mode")
    p.add_argument("--binary", default="pub/binary/1KiB.bin", help="fetched in binary mode")
    args = p.parse_args()
    ftp = ftplab.login(args)
    print(f"welcome: {ftp.getwelcome()}")
    print(f"current folder: {ftp.pwd()}")
    listings(ftp, args.folder)
    # Latin-1 maps every byte to one character and back: ASCII mode on a binary file then
    # shows what it does to the bytes instead of failing to decode them as UTF-8.
    ftp.encoding = "latin-1"
    known = sums(ftp)
    report("ASCII", args.text, get_ascii(ftp, args.text), known)
    report("binary", args.binary, get_binary(ftp, args.binary), known)
    ftp.quit()


if __name__ == "__main__":
    ftplab.main(main)
