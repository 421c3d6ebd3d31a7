"""Exercise 2, wrong: returns the parts' data still in base64 or quoted-printable."""


def attachments(message):
    return [(part.get_filename(), part.get_content_type(), part.get_payload().encode())
            for part in message.walk() if part.get_content_disposition() == "attachment"]


def body_text(message):
    body = message.get_body(preferencelist=("plain", "html"))
    return None if body is None else body.get_payload()
