"""Exercise 2: a sender that respects the server's SIZE limit (labs/ch13/README.md). The
program around it is labs/ch13/sized_send.py."""


def send_within_limit(smtp, from_addr, to_addrs, message):
    """TODO: smtp (an smtplib.SMTP) has said EHLO; message is the whole message as bytes.
    If the server announced a SIZE limit (RFC 1870; look in smtp.esmtp_features) and the
    message is longer, raise ValueError saying so and naming the limit, BEFORE any MAIL
    command: the server should not see a byte of it. A bare SIZE, SIZE 0 or no SIZE at all
    means no limit was announced. Otherwise send it with smtp.sendmail()."""
    raise NotImplementedError
