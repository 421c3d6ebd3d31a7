"""Exercise 4, the reference solution."""
import ftplib
import ssl


def secure_fetch(host, port, user, password, name):
    ftp = ftplib.FTP_TLS(context=ssl.create_default_context())
    try:
        ftp.connect(host, port, timeout=10)
        ftp.auth()                  # AUTH TLS: the handshake verifies before USER is sent
        ftp.login(user, password)
        ftp.prot_p()                # PBSZ 0, PROT P: data connections in TLS too
        blocks = []
        ftp.retrbinary(f"RETR {name}", blocks.append)
        ftp.quit()
        return b"".join(blocks)
    finally:
        ftp.close()
