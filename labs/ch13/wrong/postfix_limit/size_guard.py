"""Exercise 2, wrong: checks against Postfix's default limit, not what this server said."""

LIMIT = 10240000   # message_size_limit in mail.example.com's main.cf


def send_within_limit(smtp, from_addr, to_addrs, message):
    if len(message) > LIMIT:
        raise ValueError(f"the message is {len(message)} bytes, the SIZE limit {LIMIT}")
    smtp.sendmail(from_addr, to_addrs, message)
