"""Exercise 3, wrong: uploads in ASCII mode (storlines), which ends every line in CRLF."""
import os


def upload(ftp, path, name, progress):
    total = os.path.getsize(path)
    sent = 0

    def count(line):
        nonlocal sent
        sent = min(sent + len(line), total)
        progress(sent, total)

    with open(path, "rb") as f:
        ftp.storlines(f"STOR {name}", f, callback=count)
    return total
