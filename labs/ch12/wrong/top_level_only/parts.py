"""Exercise 2, wrong: iter_attachments() sees only the top level of the tree."""


def attachments(message):
    return [(part.get_filename(), part.get_content_type(), part.get_payload(decode=True))
            for part in message.iter_attachments() if part.get_filename()]


def body_text(message):
    body = message.get_body(preferencelist=("plain", "html"))
    return None if body is None else body.get_content()
