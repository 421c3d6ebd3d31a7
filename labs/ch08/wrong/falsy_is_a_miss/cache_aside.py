"""Exercise 1, wrong: `if not value` takes a cached 0 for a miss, so 0 is computed every time."""


def fetch(mc, key, compute, ttl):
    value = mc.get(key)
    if not value:
        value = compute()
        mc.set(key, value, time=ttl)
    return value
