"""Exercise 1, wrong: lets the SMTP policy send the non-ASCII text as 8bit."""
from email import policy
from email.message import EmailMessage
from email.utils import make_msgid


def build_newsletter(sender, recipient, subject, text, html, image, attachments):
    message = EmailMessage(policy=policy.SMTP)
    message["From"], message["To"], message["Subject"] = sender, recipient, subject
    message.set_content(text)
    cid = make_msgid(domain="example.com")
    message.add_alternative(html.replace("{image_cid}", cid[1:-1]), subtype="html")
    message.get_payload()[1].add_related(image, "image", "png", cid=cid, disposition="inline")
    for filename, maintype, subtype, data in attachments:
        message.add_attachment(data, maintype, subtype, filename=filename)
    return message
