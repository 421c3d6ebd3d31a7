"""Exercise 2, wrong: restarts at size + 1, as if REST named the next byte counting from 1."""
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
        ftp.retrbinary(f"RETR {remote}", write, rest=offset + 1 if offset else None)
    return fetched


def verify(path, sha256):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(65536), b""):
            digest.update(block)
    return digest.hexdigest() == sha256
