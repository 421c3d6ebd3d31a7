"""Exercise 4, wrong: reads the local file as text (newlines translated, bytes decoded) and sends that"""
import os
import stat


def upload(sftp, local_path, remote_path, report):
    part = remote_path + ".part"
    with open(local_path, errors="surrogateescape") as f:
        data = f.read().encode(errors="surrogateescape")
    with sftp.open(part, "wb") as remote:
        for start in range(0, len(data), 32768):
            remote.write(data[start:start + 32768])
            report(min(start + 32768, len(data)), len(data))
    sftp.chmod(part, stat.S_IMODE(os.stat(local_path).st_mode))
    sftp.posix_rename(part, remote_path)
