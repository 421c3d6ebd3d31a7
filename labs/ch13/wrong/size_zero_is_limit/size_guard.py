"""Exercise 2, wrong: takes a bare SIZE or SIZE 0 as a limit of 0 bytes."""


def send_within_limit(smtp, from_addr, to_addrs, message):
    if smtp.has_extn("size"):
        announced = smtp.esmtp_features["size"].strip()
        limit = int(announced) if announced.isdigit() else 0
        if len(message) > limit:
            raise ValueError(f"the message is {len(message)} bytes, the SIZE limit {limit}")
    smtp.sendmail(from_addr, to_addrs, message)
