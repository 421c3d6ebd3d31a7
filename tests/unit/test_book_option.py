"""`up --book PATH`: which folders count as the book's companion code, and how the choice is
remembered in compose's .env (no Docker needed)."""
import pytest

from playground import book
from playground.engine import PlaygroundError


@pytest.fixture
def settings(tmp_path, monkeypatch):
    """A private .env, and no PLAYGROUND_BOOK from the environment running the tests."""
    monkeypatch.setattr(book, "SETTINGS", tmp_path / ".env")
    monkeypatch.delenv(book.VARIABLE, raising=False)
    return tmp_path / ".env"


@pytest.fixture
def checkout(tmp_path):
    folder = tmp_path / "fopnp"
    (folder / "py3" / "chapter13").mkdir(parents=True)
    return folder


def test_a_checkout_is_remembered_with_its_absolute_path(settings, checkout, monkeypatch):
    settings.write_text("OTHER=1\n")
    monkeypatch.chdir(checkout.parent)
    book.choose("fopnp")
    assert settings.read_text() == f"OTHER=1\nPLAYGROUND_BOOK={checkout}\n"
    assert book.remembered() == str(checkout)
    book.choose(None, forget=True)
    assert settings.read_text() == "OTHER=1\n" and book.remembered() is None


def test_forgetting_the_only_setting_leaves_no_env_file(settings, checkout):
    book.choose(str(checkout))
    book.choose(None, forget=True)
    assert not settings.exists()
    book.choose(None, forget=True)   # forgetting twice is fine


@pytest.mark.parametrize("make, problem", [
    (lambda root: root / "missing", "no such folder"),
    (lambda root: root, "not the book's companion code"),        # a folder, but no py3/
    (lambda root: (root / "py3").mkdir() or root, "no py3/chapterNN inside")])
def test_other_folders_are_refused_in_one_line_and_not_remembered(settings, tmp_path, make,
                                                                   problem):
    with pytest.raises(PlaygroundError, match=problem) as error:
        book.choose(str(make(tmp_path)))
    assert "\n" not in str(error.value) and not settings.exists()


def test_a_remembered_checkout_that_went_away_stops_up(settings, checkout):
    book.choose(str(checkout))
    (checkout / "py3" / "chapter13").rmdir()
    with pytest.raises(PlaygroundError, match=r"PLAYGROUND_BOOK \(from .env\).*not the book"):
        book.choose(None)


def test_the_environment_wins_over_env_file(settings, checkout, tmp_path, monkeypatch):
    settings.write_text(f"PLAYGROUND_BOOK={checkout}\n")
    monkeypatch.setenv(book.VARIABLE, str(tmp_path / "elsewhere"))
    with pytest.raises(PlaygroundError, match=r"\(from the environment\).*no such folder"):
        book.choose(None)
    monkeypatch.setenv(book.VARIABLE, "")
    assert book.remembered() is None
