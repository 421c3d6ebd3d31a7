"""The labs' fixtures (run, serve, background, program, capture, impair, ...) and grading.

Their code lives in playground/ (plugin.py, fixtures.py, grading.py); labs/README.md says how
to use them. The template is a folder to copy, not a chapter to grade."""
from playground.fixtures import *  # noqa: F401,F403
from playground.plugin import *  # noqa: F401,F403

collect_ignore = ["template", "lib"]
