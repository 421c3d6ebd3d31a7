"""Exercise 1, wrong: starttls() without a context, which encrypts to any certificate."""
import smtplib


def open_submission(host, port, user, password):
    smtp = smtplib.SMTP(host, port, timeout=10)
    smtp.ehlo()
    smtp.starttls()
    smtp.ehlo()
    smtp.login(user, password)
    return smtp
