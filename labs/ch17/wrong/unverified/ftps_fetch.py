"""Exercise 4, wrong: encrypts but verifies nothing (an unverified context): anyone in the
middle may answer."""
import ftplib
import ssl


def secure_fetch(host, port, user, password, name):
    ftp = ftplib.FTP_TLS(context=ssl._create_unverified_context())
    ftp.connect(host, port, timeout=10)
    ftp.login(user, password)
    ftp.prot_p()
    blocks = []
    ftp.retrbinary(f"RETR {name}", blocks.append)
    ftp.quit()
    return b"".join(blocks)
