"""Exercise 4, wrong: reports progress once, when everything is sent"""
import os
import stat


def upload(sftp, local_path, remote_path, report):
    part = remote_path + ".part"
    with open(local_path, "rb") as f:                  # bytes, never text: no newline games
        sftp.putfo(f, part, file_size=os.path.getsize(local_path))
    report(os.path.getsize(local_path), os.path.getsize(local_path))
    sftp.chmod(part, stat.S_IMODE(os.stat(local_path).st_mode))
    # plain SFTP rename refuses an existing target; OpenSSH's posix-rename replaces it at once
    sftp.posix_rename(part, remote_path)
