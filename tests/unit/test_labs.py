"""The lab lint over every chapter and the template, the student library's exits, and the
verdict per exercise; all without Docker."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from playground import labs
from playground.report import Outcome, verdicts
from playground.topology import Topology

topo = Topology()
LIB = labs.LABS / "lib"


@pytest.mark.parametrize("folder", labs.chapters(), ids=lambda p: p.name)
def test_every_chapter_holds_to_its_descriptor(folder):
    assert labs.lint(folder, topo) == []


@pytest.fixture
def chapter(tmp_path):
    """The template, filled in as chapter 42 (what a new chapter starts from)."""
    folder = tmp_path / "ch42"
    shutil.copytree(labs.LABS / "template", folder)
    for path in list(folder.rglob("*")):
        if path.is_file():
            path.write_text(path.read_text().replace("NN", "42"))
    (folder / "test_chNN.py").rename(folder / "test_ch42.py")
    return folder


def test_the_template_filled_in_is_a_clean_chapter(chapter):
    assert labs.lint(chapter, topo) == []


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


@pytest.mark.parametrize("change, problem", [
    (("README.md", "## Exercise 1:", "## Exercise one:"), "README.md has no heading"),
    (("README.md", "Graded by", "Checked by"), "no paragraph starting 'Graded by'"),
    (("test_ch42.py", "exercise(1)", "exercise(2)"), "no test marked"),
    (("solutions/echo_client.py", "(sock, size)", "(sock, size, timeout)"),
     "another signature"),
    (("exercises/echo_client.py", "    raise NotImplementedError", "    return b''"),
     "must be a docstring starting 'TODO'"),
    (("exercises/echo_client.py", '"""\n\n\ndef', '"""\nimport sys  # noqa\n\n\ndef'),
     "mentions noqa"),
    (("echo_client.py", 'labkit.answer("echo_client")', "__import__('x')"),
     "does not call labkit.answer"),
    (("echo_server.py", "PORT = 42010", "PORT = 1180"), "port 1180 is outside ch42's"),
    (("lab.yaml", "hosts: [h1, www]", "hosts: [h1, web]"), "no host named 'web'"),
    (("lab.yaml", "    module:", "    modul:"), "unknown key 'exercises.1.modul'"),
])
def test_the_lint_names_what_is_wrong(chapter, change, problem):
    name, old, new = change
    edit(chapter / name, old, new)
    found = labs.lint(chapter, topo)
    assert any(problem in line for line in found), found


def program(chapter, *args, answers=None):
    env = {**os.environ, "PYTHONPATH": str(LIB), "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("PLAYGROUND_ANSWERS", None)
    if answers:
        env["PLAYGROUND_ANSWERS"] = answers
    return subprocess.run([sys.executable, str(chapter / "echo_client.py"), *args],
                          capture_output=True, text=True, env=env, timeout=30)


def test_an_untouched_exercise_says_so_in_one_line(chapter):
    result = program(chapter, "127.0.0.1", "hi", "--port", "9")
    # Port 9 refuses before read_reply() runs: the socket error is the one line.
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    with socket_server() as port:
        result = program(chapter, "127.0.0.1", "hi", "--port", str(port))
    assert result.stderr == ('echo_client.py: exercise 1 (README section "Exercise 1: an echo '
                             'client that reads the whole reply"): not done yet\n')
    assert result.returncode == 3


def test_answers_come_from_the_folder_the_grader_names(chapter):
    with socket_server() as port:
        result = program(chapter, "127.0.0.1", "hi", "there", "--port", str(port),
                         answers="solutions")
    assert result.returncode == 0 and result.stdout == "hi there\n"
    result = program(chapter, "127.0.0.1", "x", answers="wrong/none")
    assert result.returncode == 1 and "wrong/none/echo_client.py is missing" in result.stderr


def test_a_peer_closing_mid_message_is_one_line(tmp_path):
    program = tmp_path / "p.py"
    program.write_text("import labkit\n\ndef main():\n    raise EOFError('closed after 3 of 9 "
                       "bytes')\n\nlabkit.main(main)\n")
    env = {**os.environ, "PYTHONPATH": str(LIB), "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run([sys.executable, str(program)], capture_output=True, text=True,
                          env=env, timeout=30)
    assert (done.returncode, done.stderr) == (1, "p.py: closed after 3 of 9 bytes\n")


def test_bad_arguments_are_usage_errors(chapter):
    result = program(chapter, "127.0.0.1", "x", "--port", "70000")
    assert result.returncode == 2 and "'70000' is not a port number" in result.stderr


class socket_server:
    """A loopback echo server for one connection, in a thread."""

    def __enter__(self):
        import socket
        import threading
        self.listener = socket.create_server(("127.0.0.1", 0))
        threading.Thread(target=self._echo, daemon=True).start()
        return self.listener.getsockname()[1]

    def _echo(self):
        conn, _ = self.listener.accept()
        with conn:
            conn.sendall(conn.recv(1024))

    def __exit__(self, *exc):
        self.listener.close()


def outcome(exercise, passed, fresh=False):
    return Outcome("labs/ch02/test_ch02.py::t", "ch02", exercise, passed, not_started=fresh)


def test_an_exercise_passes_only_when_all_its_tests_pass():
    outcomes = [outcome(1, True), outcome(2, True), outcome(3, True), outcome(None, False),
                outcome(2, False), outcome(3, False, fresh=True), outcome(3, False, fresh=True),
                outcome(4, False, fresh=True), outcome(4, False)]
    assert verdicts(outcomes) == {"ch02": {1: "pass", 2: "not right", 3: "not started",
                                           4: "not right"}}


def test_wrong_solutions_name_their_exercise_and_module(chapter):
    (chapter / "wrong" / "loose").mkdir(parents=True)
    (chapter / "wrong" / "loose" / "echo_client.py").write_text(
        '"""Exercise 1, wrong: one recv() only."""\n')
    assert labs.lint(chapter, topo) == []
    assert [(w.exercise, w.what) for w in labs.wrong_answers(chapter)] == [(1, "one recv() only.")]
    (chapter / "wrong" / "loose" / "echo_client.py").rename(chapter / "wrong" / "loose" / "echo.py")
    assert any("exercise 1's module is echo_client.py" in p for p in labs.lint(chapter, topo))
    (chapter / "wrong" / "loose" / "echo.py").write_text('"""One recv() only."""\n')
    assert any("must start 'Exercise N, wrong:" in p for p in labs.lint(chapter, topo))


def test_the_readme_lists_every_chapter_as_its_descriptor_says():
    assert labs.index() in (labs.LABS / "README.md").read_text()
