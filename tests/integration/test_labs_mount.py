"""labs/ as the hosts see it: the student library on the path, and no bytecode written back."""
from playground.project import ROOT


def test_hosts_import_the_student_library_without_writing_into_labs(run):
    cache = ROOT / "labs" / "lib" / "__pycache__"
    assert not cache.exists(), f"{cache} exists before the test: remove it and run again"
    result = run("h2", "python3", "-c", "import labkit; print(labkit.__file__)").check()
    assert result.stdout.strip() == "/labs/lib/labkit.py"
    assert not cache.exists(), "a host wrote root-owned bytecode into the mounted labs/"
