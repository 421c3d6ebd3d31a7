"""Exercise 1, wrong: uses verified STARTTLS when offered, else logs in in clear."""
import smtplib
import ssl


def open_submission(host, port, user, password):
    smtp = smtplib.SMTP(host, port, timeout=10)
    smtp.ehlo()
    if smtp.has_extn("starttls"):
        smtp.starttls(context=ssl.create_default_context())
        smtp.ehlo()
    smtp.login(user, password)
    return smtp
