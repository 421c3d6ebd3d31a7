"""Exercise 2, the reference solution."""


def attachments(message):
    # walk(), not iter_attachments(): that one looks only at the top level.
    return [(part.get_filename(), part.get_content_type(), part.get_payload(decode=True))
            for part in message.walk() if part.get_content_disposition() == "attachment"]


def body_text(message):
    body = message.get_body(preferencelist=("plain", "html"))
    return None if body is None else body.get_content()
