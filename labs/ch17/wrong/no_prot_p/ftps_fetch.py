"""Exercise 4, wrong: never calls prot_p(), so the data connection is in clear."""
import ftplib
import ssl


def secure_fetch(host, port, user, password, name):
    ftp = ftplib.FTP_TLS(context=ssl.create_default_context())
    ftp.connect(host, port, timeout=10)
    ftp.login(user, password)
    blocks = []
    ftp.retrbinary(f"RETR {name}", blocks.append)
    ftp.quit()
    return b"".join(blocks)
