"""Exercise 1, wrong: guesses from the name: a dot means a file, no dot a folder."""
import os


def is_folder(ftp, name):
    return "." not in name


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
