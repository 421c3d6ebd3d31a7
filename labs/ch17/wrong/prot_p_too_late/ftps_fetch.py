"""Exercise 4, wrong: calls prot_p() after the transfer instead of before it."""
import ftplib
import ssl


def secure_fetch(host, port, user, password, name):
    ftp = ftplib.FTP_TLS(context=ssl.create_default_context())
    ftp.connect(host, port, timeout=10)
    ftp.login(user, password)
    blocks = []
    ftp.retrbinary(f"RETR {name}", blocks.append)
    ftp.prot_p()
    ftp.quit()
    return b"".join(blocks)
