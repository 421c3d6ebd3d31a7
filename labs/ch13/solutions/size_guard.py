"""Exercise 2, the reference solution."""


def send_within_limit(smtp, from_addr, to_addrs, message):
    announced = smtp.esmtp_features.get("size", "").strip()
    limit = int(announced) if announced.isdigit() else 0   # RFC 1870: 0 means no limit
    if limit and len(message) > limit:
        raise ValueError(f"the message is {len(message)} bytes and the server's SIZE "
                         f"limit is {limit}")
    smtp.sendmail(from_addr, to_addrs, message)
