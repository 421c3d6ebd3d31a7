"""Exercise 3, the reference solution."""
import os


def upload(ftp, path, name, progress):
    total = os.path.getsize(path)
    sent = 0

    def count(block):   # storbinary calls it after sending each block
        nonlocal sent
        sent += len(block)
        progress(sent, total)

    with open(path, "rb") as f:
        ftp.storbinary(f"STOR {name}", f, callback=count)
    return sent
