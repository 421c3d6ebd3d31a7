"""Exercise 1, wrong: treats every NLST entry as a file, skipping those RETR refuses."""
import ftplib
import os


def is_folder(ftp, name):
    return False


def mirror(ftp, remote, local):
    os.makedirs(local, exist_ok=True)
    copied = 0
    for path in ftp.nlst(remote):
        target = os.path.join(local, os.path.basename(path))
        try:
            with open(target, "wb") as f:
                ftp.retrbinary(f"RETR {path}", f.write)
            copied += 1
        except ftplib.error_perm:   # "550 Failed to open file": never mind
            os.remove(target)
    return copied
