"""Exercise 1: a cache-aside lookup (labs/ch08/README.md)."""


def fetch(mc, key, compute, ttl):
    """TODO: cache-aside. Return the value memcached holds under key (mc is a
    memcache.Client); when it holds none, call compute() once, store its result under key
    for ttl seconds, and return it. A value can be 0 or empty: that is still a value."""
    raise NotImplementedError
