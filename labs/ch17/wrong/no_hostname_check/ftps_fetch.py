"""Exercise 4, wrong: checks the certificate's CA but not that it names the host."""
import ftplib
import ssl


def secure_fetch(host, port, user, password, name):
    context = ssl.create_default_context()
    context.check_hostname = False
    ftp = ftplib.FTP_TLS(context=context)
    ftp.connect(host, port, timeout=10)
    ftp.login(user, password)
    ftp.prot_p()
    blocks = []
    ftp.retrbinary(f"RETR {name}", blocks.append)
    ftp.quit()
    return b"".join(blocks)
