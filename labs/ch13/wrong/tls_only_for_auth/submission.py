"""Exercise 1, wrong: switches to TLS only when AUTH is not offered in clear."""
import smtplib
import ssl


def open_submission(host, port, user, password):
    smtp = smtplib.SMTP(host, port, timeout=10)
    smtp.ehlo()
    if not smtp.has_extn("auth"):   # "AUTH needs TLS first on this server"
        smtp.starttls(context=ssl.create_default_context())
        smtp.ehlo()
    smtp.login(user, password)
    return smtp
