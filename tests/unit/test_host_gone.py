"""What a test says when its host goes away: the engine's times read right, and one line."""
import pytest

from playground.engine import STOPPED, HostGone, timestamp


@pytest.mark.parametrize("text, seconds", [
    ("2026-12-01T16:32:14.308654301Z", 1796142734.308654301),
    ("2026-12-01T16:32:14.5Z", 1796142734.5),
    ("2026-12-01T16:32:14Z", 1796142734.0),
])
def test_the_engines_start_times_read_to_the_nanosecond(text, seconds):
    assert timestamp(text) == pytest.approx(seconds, abs=1e-6)


def test_a_host_gone_is_one_line_naming_it_and_what_to_do():
    message = str(HostGone("h1"))
    assert message.startswith(f"h1 {STOPPED}: ") and "\n" not in message
    assert "./scripts/status" in message and "./scripts/up" in message
