"""The test tree's own shape: pytest imports test files by their base name (no packages here),
so two test files of one name in tests/ and labs/ stop the whole run at collection."""
from collections import Counter

from playground.project import ROOT


def test_no_two_test_files_share_a_name():
    names = Counter(p.name for folder in ("tests", "labs") for p in (ROOT / folder).rglob("test_*.py"))
    assert [n for n, count in names.items() if count > 1] == []
