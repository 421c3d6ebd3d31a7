"""The reader's own copy of the book's companion code, mounted at /fopnp on every host.

compose.yaml mounts `${PLAYGROUND_BOOK}` there (a folder whose README says how, when unset).
`up --book PATH` checks PATH and writes it into the project's `.env`, which docker compose reads
for every command, so later `up`s keep the mount; `up --no-book` forgets it. The variable set
in the environment wins over `.env`, as it does for compose itself.
"""
from __future__ import annotations

import os
from pathlib import Path

from .engine import PlaygroundError
from .project import ROOT

VARIABLE = "PLAYGROUND_BOOK"
SETTINGS = ROOT / ".env"   # compose's own settings file for this project (ignored by git)
CLONE = "git clone https://github.com/brandon-rhodes/fopnp"


def checkout(path: str, origin: str = "--book") -> Path:
    """PATH, absolute, once it looks like the companion repository (py3/chapterNN inside)."""
    folder = Path(path).expanduser().resolve()
    if not folder.is_dir():
        raise PlaygroundError(f"{origin} {path}: no such folder; give your checkout ({CLONE})")
    if not any((folder / "py3").glob("chapter[0-9][0-9]")):
        raise PlaygroundError(f"{origin} {path}: not the book's companion code (no "
                              f"py3/chapterNN inside); give the folder `{CLONE}` made")
    return folder


def remembered() -> str | None:
    """The checkout compose will mount: the environment's, else the one .env remembers."""
    if VARIABLE in os.environ:
        return os.environ[VARIABLE] or None
    for line in _settings():
        name, _, value = line.partition("=")
        if name.strip() == VARIABLE:
            return value.strip() or None
    return None


def choose(path: str | None, forget: bool = False) -> None:
    """Remember PATH (checked) or forget the checkout; then check the one compose will use,
    so a moved or deleted checkout is a one-line error, not an empty folder Docker makes."""
    if path is not None or forget:
        kept = [line for line in _settings() if line.partition("=")[0].strip() != VARIABLE]
        if path is not None:
            kept.append(f"{VARIABLE}={checkout(path)}")
        if kept:
            SETTINGS.write_text("".join(line + "\n" for line in kept))
        else:
            SETTINGS.unlink(missing_ok=True)
    current = remembered()
    if current:
        where = "the environment" if VARIABLE in os.environ else SETTINGS.name
        checkout(current, origin=f"{VARIABLE} (from {where})")


def _settings() -> list[str]:
    return SETTINGS.read_text().splitlines() if SETTINGS.exists() else []
