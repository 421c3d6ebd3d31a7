"""Exercise 1, wrong: stores without the ttl, so values never expire."""


def fetch(mc, key, compute, ttl):
    value = mc.get(key)
    if value is None:
        value = compute()
        mc.set(key, value)
    return value
