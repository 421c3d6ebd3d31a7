"""Exercise 3, wrong: the envelope holds only To and Cc, so the blind copy is never sent."""
from email.utils import getaddresses


def send_with_bcc(smtp, message, bounce_to):
    recipients = [a for _, a in getaddresses(message.get_all("To", []) +
                                             message.get_all("Cc", []))]
    del message["Bcc"]
    smtp.sendmail(bounce_to, recipients, message.as_bytes())
