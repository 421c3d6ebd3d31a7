"""Exercise 1, the reference solution."""


def fetch(mc, key, compute, ttl):
    value = mc.get(key)
    if value is None:              # a miss; 0 and "" are values like any other
        value = compute()
        mc.set(key, value, time=ttl)
    return value
