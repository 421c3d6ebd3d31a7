"""Exercise 1, wrong: makes a local folder only when a file goes into it, so empty folders
are lost."""
import ftplib
import os


def is_folder(ftp, name):
    here = ftp.pwd()
    try:
        ftp.cwd(name)
    except ftplib.error_perm:
        return False
    ftp.cwd(here)
    return True


def mirror(ftp, remote, local):
    here = ftp.pwd()
    ftp.cwd(remote)
    try:
        copied = 0
        for name in ftp.nlst():
            target = os.path.join(local, name)
            if is_folder(ftp, name):
                copied += mirror(ftp, name, target)
            else:
                os.makedirs(local, exist_ok=True)
                with open(target, "wb") as f:
                    ftp.retrbinary(f"RETR {name}", f.write)
                copied += 1
        return copied
    finally:
        ftp.cwd(here)
