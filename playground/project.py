"""Where the playground's checkout is (the folder holding its compose.yaml), and which
playground of it this process works on: the default one, or a named instance (PLAYGROUND=NAME)."""
from __future__ import annotations

import os
import re
from pathlib import Path


def find_root() -> Path:
    """$PLAYGROUND_ROOT, else the nearest folder with a compose.yaml of ours above the current
    one, else the one above this package (a source checkout or an editable install)."""
    if os.environ.get("PLAYGROUND_ROOT"):
        return Path(os.environ["PLAYGROUND_ROOT"]).resolve()
    for start in (Path.cwd(), Path(__file__).resolve().parent):
        for folder in (start, *start.parents):
            if _is_ours(folder / "compose.yaml"):
                return folder
    return Path.cwd()


def _is_ours(path: Path) -> bool:
    try:
        return path.is_file() and "\nname: playground\n" in path.read_text()
    except OSError:
        return False


ROOT = find_root()
COMPOSE_FILE = ROOT / "compose.yaml"

# A named instance: its own containers (NAME-h1), carrier subnets, certificates and DNS on the
# same engine, all from the same compose.yaml (see playground/instances.py).
INSTANCE = os.environ.get("PLAYGROUND", "")
VALID_NAME = re.compile(r"[a-z][a-z0-9]{0,15}")
INSTANCES = ROOT / ".instances"   # named instances' own files (not committed)
# Where the instance keeps what is its own: the compose file made for it, its certificates.
HOME = INSTANCES / INSTANCE if INSTANCE else ROOT
RUN_FILE = HOME / "compose.yaml"   # the file `docker compose` runs


def bad_instance() -> str | None:
    """What is wrong with $PLAYGROUND, in one line; None if it is fine (or unset)."""
    if not INSTANCE or VALID_NAME.fullmatch(INSTANCE):
        return None
    return (f"PLAYGROUND={INSTANCE!r} is not an instance name: use 1 to 16 lower-case letters "
            "and digits, starting with a letter (e.g. PLAYGROUND=alice), or unset it for the "
            "default playground")
