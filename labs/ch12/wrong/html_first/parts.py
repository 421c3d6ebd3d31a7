"""Exercise 2, wrong: prefers the html body when a plain one exists."""


def attachments(message):
    return [(part.get_filename(), part.get_content_type(), part.get_payload(decode=True))
            for part in message.walk() if part.get_content_disposition() == "attachment"]


def body_text(message):
    body = message.get_body()
    return None if body is None else body.get_content()
