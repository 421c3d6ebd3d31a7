"""The base image's wheels: fetched on this machine only when missing, one line when not."""
import subprocess

import pytest

from playground import lifecycle
from playground.engine import PlaygroundError


@pytest.fixture
def wheels(tmp_path, monkeypatch):
    listing = tmp_path / "wheels.txt"
    listing.write_text("# a comment\nIMAPClient==4.1.0  # pinned\n")
    monkeypatch.setattr(lifecycle, "WHEELS_LIST", listing)
    monkeypatch.setattr(lifecycle, "WHEELS", tmp_path / "wheels")
    return tmp_path / "wheels"


def test_a_wheel_already_there_is_not_fetched(wheels, monkeypatch):
    wheels.mkdir()
    (wheels / "imapclient-4.1.0-py3-none-any.whl").touch()
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: pytest.fail("pip was run"))
    lifecycle.fetch_wheels()


def test_a_wheel_that_cannot_be_fetched_is_one_line(wheels, monkeypatch):
    asked = []
    monkeypatch.setattr(subprocess, "run", lambda argv, **k: asked.append(argv) or
                        subprocess.CompletedProcess(argv, 1, "", "no route to PyPI"))
    with pytest.raises(PlaygroundError, match="cannot download IMAPClient==4.1.0 from PyPI"):
        lifecycle.fetch_wheels()
    assert asked[0][-1] == "IMAPClient==4.1.0" and "--no-deps" in asked[0]
