"""Exercise 3, wrong: reports progress once, when everything is sent."""
import os


def upload(ftp, path, name, progress):
    total = os.path.getsize(path)
    with open(path, "rb") as f:
        ftp.storbinary(f"STOR {name}", f)
    progress(total, total)
    return total
