"""Exercise 2, wrong: verify() hashes the first block only (the loop is missing)."""
import hashlib
import os


def resume(ftp, remote, local):
    offset = os.path.getsize(local) if os.path.exists(local) else 0
    fetched = 0
    with open(local, "ab") as f:
        def write(block):
            nonlocal fetched
            f.write(block)
            fetched += len(block)
        ftp.retrbinary(f"RETR {remote}", write, rest=offset or None)
    return fetched


def verify(path, sha256):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read(65536)).hexdigest() == sha256
