"""The labs' fixtures (run, serve, capture, impair, exercise, ...) and grading hooks.

Their code lives in playground/; labs/README.md says how to use them.
"""
from playground.fixtures import *  # noqa: F401,F403
from playground.grading import *  # noqa: F401,F403
