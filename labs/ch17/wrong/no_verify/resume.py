"""Exercise 2, wrong: trusts the transfer (226 means it's fine) and never hashes the file."""
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
    return os.path.getsize(path) > 0
