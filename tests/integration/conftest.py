"""Integration tests run against the live playground with the labs' own fixtures."""
import functools

import pytest
import testinfra

from playground.fixtures import *  # noqa: F401,F403
from playground.engine import container
from playground.fixtures import not_up


@pytest.fixture(scope="session", autouse=True)
def playground_up():
    """Skip, rather than stop the run, when the playground is not up: unit tests still run."""
    problem = not_up()
    if problem:
        pytest.skip(problem)


@pytest.fixture(scope="session")
def machine():
    """machine("www") -> a testinfra host for asserting the state of that container."""
    return functools.lru_cache(maxsize=None)(lambda name: testinfra.get_host(f"docker://{container(name)}"))
