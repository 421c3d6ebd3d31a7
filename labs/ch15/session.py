"""How this chapter's exercise programs open their IMAP session: IMAPS with the server's
certificate verified against the system's CAs and the name given, then LOGIN."""
import imaplib
import ssl

PORT = 993


def open_session(host, port=PORT, user="student", password="abc123"):
    imap = imaplib.IMAP4_SSL(host, port, ssl_context=ssl.create_default_context(),
                             timeout=10)
    try:
        imap.login(user, password)
    except BaseException:
        imap.shutdown()
        raise
    return imap
