"""Exercise 1, wrong: downloads in ASCII mode (retrlines), line by line, for every file."""
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
    ftp.encoding = "latin-1"    # so that any byte decodes
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
                with open(target, "w", encoding="latin-1", newline="\n") as f:
                    ftp.retrlines(f"RETR {name}", lambda line: f.write(line + "\n"))
                copied += 1
        return copied
    finally:
        ftp.cwd(here)
