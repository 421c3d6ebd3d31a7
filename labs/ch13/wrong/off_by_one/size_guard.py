"""Exercise 2, wrong: refuses a message of exactly the limit (>= instead of >)."""


def send_within_limit(smtp, from_addr, to_addrs, message):
    announced = smtp.esmtp_features.get("size", "").strip()
    limit = int(announced) if announced.isdigit() else 0
    if limit and len(message) >= limit:
        raise ValueError(f"the message is {len(message)} bytes, the SIZE limit {limit}")
    smtp.sendmail(from_addr, to_addrs, message)
