"""Exercise 1, wrong: checks the CA but not the name (check_hostname off)."""
import smtplib
import ssl


def open_submission(host, port, user, password):
    context = ssl.create_default_context()
    context.check_hostname = False   # "the lab CA is enough"
    smtp = smtplib.SMTP(host, port, timeout=10)
    smtp.ehlo()
    smtp.starttls(context=context)
    smtp.ehlo()
    smtp.login(user, password)
    return smtp
