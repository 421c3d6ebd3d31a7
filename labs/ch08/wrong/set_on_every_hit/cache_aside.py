"""Exercise 1, wrong: sets the value again on every hit too: twice the traffic, stale values renewed."""


def fetch(mc, key, compute, ttl):
    value = mc.get(key)
    if value is None:
        value = compute()
    mc.set(key, value, time=ttl)
    return value
