"""Before anything else: a pytest without the project's packages stops with one line."""
import sys

try:
    import docker  # noqa: F401
    import dpkt  # noqa: F401
    import testinfra  # noqa: F401
    import yaml  # noqa: F401
except ImportError as e:
    sys.exit(f"playground: this pytest lacks the project's packages ({e}): activate the "
             "project's environment first (`. .venv/bin/activate`; ./scripts/up makes it), "
             "or `pip install -e .` into this one")

from playground.project import bad_instance  # noqa: E402  (after the check above)

if bad_instance():
    sys.exit(f"playground: {bad_instance()}")
