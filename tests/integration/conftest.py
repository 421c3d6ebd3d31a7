"""Integration tests run against the live playground with the labs' own fixtures."""
from playground.fixtures import *  # noqa: F401,F403
