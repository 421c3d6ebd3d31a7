"""Exercise 4, wrong: writes straight into remote_path, so readers see a half-written file and the old file is rewritten"""
import os
import stat


def upload(sftp, local_path, remote_path, report):
    with open(local_path, "rb") as f:                  # bytes, never text: no newline games
        sftp.putfo(f, remote_path, file_size=os.path.getsize(local_path), callback=report)
    sftp.chmod(remote_path, stat.S_IMODE(os.stat(local_path).st_mode))
