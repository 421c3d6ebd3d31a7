"""Benchmark: the same file fetched from ftp in passive and active mode, in plain FTP and in
FTPS (PROT P), and in ASCII mode; prints figures, asserts nothing. Run it on h1:
    docker exec h1 python3 /labs/ch17/bench_ftp.py"""
import argparse
import ftplib
import ssl
import time

import ftplab
import labkit

WAYS = {   # name: (TLS?, passive?, binary?)
    "passive, binary": (False, True, True),
    "active, binary": (False, False, True),
    "FTPS passive, binary": (True, True, True),
    "passive, ASCII": (False, True, False),
}


def fetch(host: str, path: str, tls: bool, passive: bool, binary: bool) -> tuple[int, float]:
    """(bytes received, seconds) for one RETR, the login and handshake excluded."""
    ftp = ftplib.FTP_TLS(context=ssl.create_default_context()) if tls else ftplib.FTP()
    ftp.connect(host, timeout=10)
    ftp.login()
    if tls:
        ftp.prot_p()
    ftp.set_pasv(passive)
    ftp.encoding = "latin-1"   # ASCII mode on a binary file: every byte decodes
    received = 0

    def count(data):
        nonlocal received
        received += len(data)

    start = time.perf_counter()
    if binary:
        ftp.retrbinary(f"RETR {path}", count)
    else:
        ftp.retrlines(f"RETR {path}", lambda line: count(line + "\n"))   # as saved locally
    elapsed = time.perf_counter() - start
    ftp.quit()
    return received, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default=ftplab.SERVER)
    parser.add_argument("--path", default="pub/binary/1MiB.bin")
    parser.add_argument("--rounds", type=labkit.positive, default=5)
    args = parser.parse_args()
    print(f"RETR {args.path} from {args.host}, best of {args.rounds}:")
    for name, how in WAYS.items():
        runs = [fetch(args.host, args.path, *how) for _ in range(args.rounds)]
        size, best = runs[0][0], min(seconds for _, seconds in runs)
        print(f"  {name:22} {size:8} bytes in {best * 1000:7.1f} ms = "
              f"{size / best / 1e6:6.1f} MB/s")


if __name__ == "__main__":
    ftplab.main(main)
