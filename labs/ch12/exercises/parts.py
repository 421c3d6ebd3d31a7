"""Exercise 2: the attachments of a message, and its text (labs/ch12/README.md). The
program around it is labs/ch12/fetch_parts.py; message is an email.message.EmailMessage
parsed with email.policy.default."""


def attachments(message):
    """TODO: return [(filename, content type, data bytes)] of every part marked
    Content-Disposition: attachment, anywhere in the MIME tree (in tree order), with its
    data decoded from base64 or quoted-printable. An inline image is no attachment."""
    raise NotImplementedError


def body_text(message):
    """TODO: return the message's main text as a str: its text/plain body if it has one,
    else its text/html body (the one a mail reader would show: see get_body()), decoded
    from its transfer encoding and charset; None if it has neither."""
    raise NotImplementedError
