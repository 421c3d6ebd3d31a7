"""Exercise 3, the reference solution, by hand (smtp.send_message(message, from_addr=
bounce_to) does the same: it takes the recipients from To, Cc and Bcc and drops Bcc)."""
import copy
from email.utils import getaddresses


def send_with_bcc(smtp, message, bounce_to):
    recipients = [address for _, address in
                  getaddresses(message.get_all("To", []) + message.get_all("Cc", [])
                               + message.get_all("Bcc", []))]
    visible = copy.deepcopy(message)   # the caller's message keeps its Bcc
    del visible["Bcc"]
    smtp.sendmail(bounce_to, recipients, visible.as_bytes())
