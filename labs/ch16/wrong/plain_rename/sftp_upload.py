"""Exercise 4, wrong: SFTP's plain rename, which refuses to replace a file that exists"""
import os
import stat


def upload(sftp, local_path, remote_path, report):
    part = remote_path + ".part"
    with open(local_path, "rb") as f:                  # bytes, never text: no newline games
        sftp.putfo(f, part, file_size=os.path.getsize(local_path), callback=report)
    sftp.chmod(part, stat.S_IMODE(os.stat(local_path).st_mode))
    sftp.rename(part, remote_path)
