"""Exercise 2, wrong: sends whatever the size, leaving the server to refuse it."""


def send_within_limit(smtp, from_addr, to_addrs, message):
    smtp.sendmail(from_addr, to_addrs, message)
