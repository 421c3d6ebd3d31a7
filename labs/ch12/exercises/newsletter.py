"""Exercise 1: a newsletter with alternatives, an inline image and attachments
(labs/ch12/README.md). The program around it is labs/ch12/newsletter.py; email.message,
email.policy and email.utils are what you need."""


def build_newsletter(sender, recipient, subject, text, html, image, attachments):
    """TODO: return an EmailMessage (policy: email.policy.SMTP) from sender to recipient
    with subject (these may hold non-ASCII: RFC 2047 must encode them), shaped so:

        multipart/mixed
          multipart/alternative
            text/plain     text, utf-8, Content-Transfer-Encoding quoted-printable
            multipart/related
              text/html    html, with {image_cid} replaced by the image's Content-ID
                           (without its angle brackets: src="cid:...")
              image/png    image (bytes), inline, with that Content-ID
          one part per attachment: (filename, maintype, subtype, data bytes), as an
          attachment with its filename

    Every byte of the result must be ASCII, so it crosses any mail server unchanged."""
    raise NotImplementedError
