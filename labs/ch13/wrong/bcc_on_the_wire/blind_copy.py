"""Exercise 3, wrong: the right envelope, but the Bcc header is sent with the message."""
from email.utils import getaddresses


def send_with_bcc(smtp, message, bounce_to):
    recipients = [a for _, a in getaddresses(message.get_all("To", []) + message.get_all(
        "Cc", []) + message.get_all("Bcc", []))]
    smtp.sendmail(bounce_to, recipients, message.as_bytes())
