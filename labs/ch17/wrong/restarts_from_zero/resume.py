"""Exercise 2, wrong: ignores what is there and downloads the whole file again."""
import hashlib


def resume(ftp, remote, local):
    fetched = 0
    with open(local, "wb") as f:
        def write(block):
            nonlocal fetched
            f.write(block)
            fetched += len(block)
        ftp.retrbinary(f"RETR {remote}", write)
    return fetched


def verify(path, sha256):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(65536), b""):
            digest.update(block)
    return digest.hexdigest() == sha256
