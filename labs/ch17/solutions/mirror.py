"""Exercise 1, the reference solution."""
import ftplib
import os


def is_folder(ftp, name):
    here = ftp.pwd()
    try:
        ftp.cwd(name)
    except ftplib.error_perm:   # 550: not a folder (or not one we may enter)
        return False
    ftp.cwd(here)
    return True


def mirror(ftp, remote, local):
    os.makedirs(local, exist_ok=True)
    here = ftp.pwd()
    ftp.cwd(remote)
    try:
        copied = 0
        for name in ftp.nlst():
            target = os.path.join(local, name)
            if is_folder(ftp, name):
                copied += mirror(ftp, name, target)
            else:
                with open(target, "wb") as f:
                    ftp.retrbinary(f"RETR {name}", f.write)
                copied += 1
        return copied
    finally:
        ftp.cwd(here)
