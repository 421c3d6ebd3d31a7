"""Exercise 1, the reference solution."""
import smtplib
import ssl


def open_submission(host, port, user, password):
    smtp = smtplib.SMTP(host, port, timeout=10)
    try:
        smtp.ehlo()
        # starttls() raises SMTPNotSupportedError when STARTTLS is not offered, so the
        # login below is never reached on a server that would take the password in clear.
        smtp.starttls(context=ssl.create_default_context())
        smtp.ehlo()
        smtp.login(user, password)
    except BaseException:
        smtp.close()
        raise
    return smtp
