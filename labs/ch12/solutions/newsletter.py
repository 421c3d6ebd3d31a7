"""Exercise 1, the reference solution."""
from email import policy
from email.message import EmailMessage
from email.utils import make_msgid


def build_newsletter(sender, recipient, subject, text, html, image, attachments):
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = sender
    message["To"] = recipient
    message["Subject"] = subject
    # The SMTP policy would send non-ASCII text as 8bit: ask for quoted-printable.
    message.set_content(text, cte="quoted-printable")
    cid = make_msgid(domain="example.com")
    message.add_alternative(html.replace("{image_cid}", cid[1:-1]), subtype="html")
    html_part = message.get_payload()[1]
    html_part.add_related(image, "image", "png", cid=cid, disposition="inline")
    for filename, maintype, subtype, data in attachments:
        message.add_attachment(data, maintype, subtype, filename=filename)
    return message
