"""Exercise 3: envelope and headers, a blind copy that stays blind (labs/ch13/README.md).
The program around it is labs/ch13/bcc_send.py."""


def send_with_bcc(smtp, message, bounce_to):
    """TODO: send message (an email.message.EmailMessage whose To, Cc and Bcc headers may
    each hold several addresses, with display names) on smtp (an smtplib.SMTP): the
    envelope sender is bounce_to, not the From header; the envelope recipients are every
    address of To, Cc and Bcc; and the Bcc header must not cross the wire, or every
    recipient would read who else got a copy."""
    raise NotImplementedError
