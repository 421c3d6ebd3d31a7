"""Exercise 3, wrong: splits the headers on commas, which display names may hold."""


def send_with_bcc(smtp, message, bounce_to):
    recipients = []
    for header in ("To", "Cc", "Bcc"):
        for part in (message[header] or "").split(","):
            part = part.strip()
            if part:
                recipients.append(part.split("<")[-1].rstrip(">"))
    del message["Bcc"]
    smtp.sendmail(bounce_to, recipients, message.as_bytes())
