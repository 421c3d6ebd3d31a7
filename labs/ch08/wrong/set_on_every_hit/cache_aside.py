"""Exercise 1, wrong: stores the value again on every hit too (twice the traffic, and a stale
value gets a new lease on life)."""


def fetch(mc, key, compute, ttl):
    value = mc.get(key)
    if value is None:
        value = compute()
    mc.set(key, value, time=ttl)
    return value
