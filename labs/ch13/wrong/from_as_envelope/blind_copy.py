"""Exercise 3, wrong: send_message() alone, so the envelope sender is the From header."""


def send_with_bcc(smtp, message, bounce_to):
    smtp.send_message(message)
