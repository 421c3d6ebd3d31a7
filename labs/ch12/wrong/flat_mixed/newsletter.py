"""Exercise 1, wrong: no multipart/related, the image sits beside the html in the alternative."""
from email import policy
from email.message import EmailMessage
from email.utils import make_msgid


def build_newsletter(sender, recipient, subject, text, html, image, attachments):
    message = EmailMessage(policy=policy.SMTP)
    message["From"], message["To"], message["Subject"] = sender, recipient, subject
    message.set_content(text, cte="quoted-printable")
    cid = make_msgid(domain="example.com")
    message.add_alternative(html.replace("{image_cid}", cid[1:-1]), subtype="html")
    image_part = EmailMessage(policy=policy.SMTP)
    image_part.set_content(image, "image", "png", cid=cid, disposition="inline")
    message.attach(image_part)
    for filename, maintype, subtype, data in attachments:
        message.add_attachment(data, maintype, subtype, filename=filename)
    return message
