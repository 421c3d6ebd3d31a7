"""The labs' descriptors (labs/chNN/lab.yaml) and the lab lint that holds each chapter to its own.

A descriptor names the chapter, the hosts it uses and its exercises: for each, the README
title, the program that runs the student's functions, the student's module and functions.
Chapter N owns ports N000-N099 (see labs/README.md, "Ports").
"""
from __future__ import annotations

import ast
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import yaml

from .project import ROOT
from .topology import Topology

LABS = ROOT / "labs"
LAB_KEYS = {"chapter", "title", "hosts", "exercises"}
EXERCISE_KEYS = {"title", "program", "module", "functions"}


@dataclass(frozen=True)
class Exercise:
    number: int
    title: str
    program: str         # the runnable program in the chapter folder, e.g. fixed_client.py
    module: str          # exercises/MODULE.py (the student's) and solutions/MODULE.py
    functions: tuple     # what the student writes there

    @property
    def section(self) -> str:
        return f"Exercise {self.number}: {self.title}"


@dataclass(frozen=True)
class Lab:
    folder: Path
    chapter: int
    title: str
    hosts: tuple
    exercises: tuple

    @property
    def ports(self) -> range:
        return range(self.chapter * 1000, self.chapter * 1000 + 100)


def anchor(heading: str) -> str:
    """The id GitHub (and the report) gives a README heading: lower case, punctuation
    dropped, spaces made hyphens ("Exercise 1: HTTP/1.1" -> "exercise-1-http11")."""
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


def chapter_of(path: Path) -> str:
    """The chapter folder's name (chNN) of a file inside it."""
    return Path(path).resolve().parent.name


def chapters(root: Path = LABS) -> list[Path]:
    return sorted(p for p in root.glob("ch[0-9][0-9]") if p.is_dir())


def load(folder: Path) -> Lab:
    """The chapter's lab.yaml, checked; ValueError with one line when it is wrong."""
    path = folder / "lab.yaml"
    if not path.is_file():
        raise ValueError(f"{path}: missing (copy labs/template/lab.yaml)")
    raw = yaml.safe_load(path.read_text()) or {}
    _keys(path, raw, LAB_KEYS, "")
    exercises = []
    for n, spec in (raw.get("exercises") or {}).items():
        _keys(path, spec, EXERCISE_KEYS, f"exercises.{n}.")
        exercises.append(Exercise(int(n), spec["title"], spec["program"], spec["module"],
                                  tuple(spec["functions"])))
    return Lab(folder, int(raw["chapter"]), raw["title"], tuple(raw["hosts"]),
               tuple(exercises))


def _keys(path: Path, block, allowed: set, prefix: str) -> None:
    if not isinstance(block, dict):
        raise ValueError(f"{path}: {prefix or 'the file'} is not a mapping")
    for key in sorted(set(block) - allowed):   # first: a typo also makes a key missing
        raise ValueError(f"{path}: unknown key '{prefix}{key}'")
    for key in sorted(allowed - set(block)):
        raise ValueError(f"{path}: no '{prefix}{key}'")


def index(root: Path = LABS) -> str:
    """The table of chapters and exercises that labs/README.md shows, from the descriptors."""
    rows = ["| chapter | topic | exercises |", "|---|---|---|"]
    for folder in chapters(root):
        lab = load(folder)
        exercises = "; ".join(f"{e.number}. {e.title}" for e in lab.exercises)
        rows.append(f"| [{folder.name}]({folder.name}/README.md) | {lab.title} | {exercises} |")
    return "\n".join(rows)


@dataclass(frozen=True)
class Wrong:
    folder: Path         # labs/chNN/wrong/NAME
    exercise: int
    what: str            # what is wrong with it


def wrong_answers(folder: Path) -> list[Wrong]:
    """The chapter's wrong solutions: wrong/NAME/MODULE.py, whose docstring's first line
    says `Exercise N, wrong: what is wrong`."""
    found = []
    for path in sorted(folder.glob("wrong/*/*.py")):
        first = (ast.get_docstring(ast.parse(path.read_text())) or "").split("\n")[0]
        match = re.match(r"Exercise (\d+), wrong: (.+)", first)
        if not match:
            raise ValueError(f"{path}: the docstring must start 'Exercise N, wrong: ...'")
        found.append(Wrong(path.parent, int(match.group(1)), match.group(2)))
    return found


# --- the lint -----------------------------------------------------------------------------

def lint(folder: Path, topo: Topology) -> list[str]:
    """What is wrong with a chapter folder, one line each (none: it holds to its descriptor)."""
    try:
        lab = load(folder)
    except (ValueError, KeyError, TypeError, yaml.YAMLError) as e:
        return [str(e)]
    problems = []
    if folder.name != f"ch{lab.chapter:02d}":
        problems.append(f"{folder.name}: lab.yaml says chapter {lab.chapter}")
    problems += [f"{folder.name}: lab.yaml: no host named {h!r}" for h in lab.hosts
                 if h not in topo.hosts]
    readme = (folder / "README.md").read_text() if (folder / "README.md").is_file() else ""
    grader = folder / f"test_{folder.name}.py"
    marked = _marked_exercises(grader) if grader.is_file() else set()
    if not grader.is_file():
        problems.append(f"{grader.relative_to(folder.parent)}: missing")
    for ex in lab.exercises:
        problems += _lint_exercise(folder, lab, ex, readme, marked)
    problems += [f"{grader.name}: @pytest.mark.exercise({n}) but lab.yaml has no exercise {n}"
                 for n in sorted(marked - {e.number for e in lab.exercises})]
    problems += _lint_wrong(folder, lab)
    services = {22}.union(*(h.ports for h in topo.hosts.values()))
    return problems + _lint_ports(folder, lab, services)


def _lint_exercise(folder: Path, lab: Lab, ex: Exercise, readme: str, marked: set) -> list:
    problems = []
    where = f"{folder.name} exercise {ex.number}"
    section = _section(readme, ex.section)
    if section is None:
        problems.append(f"{where}: README.md has no heading '## {ex.section}'")
    elif not re.search(r"^Graded by\b", section, re.M):
        problems.append(f"{where}: its README section has no paragraph starting 'Graded by'")
    if ex.number not in marked:
        problems.append(f"{where}: no test marked @pytest.mark.exercise({ex.number})")
    program = folder / ex.program
    if not program.is_file():
        problems.append(f"{where}: {ex.program} missing")
    elif f'labkit.answer("{ex.module}")' not in program.read_text():
        problems.append(f"{where}: {ex.program} does not call labkit.answer(\"{ex.module}\")")
    stub, reference = (folder / "exercises" / f"{ex.module}.py",
                       folder / "solutions" / f"{ex.module}.py")
    for path in (stub, reference):
        if not path.is_file():
            problems.append(f"{where}: {path.relative_to(folder)} missing")
    if problems:
        return problems
    stub_fns, ref_fns = _functions(stub), _functions(reference)
    for name in ex.functions:
        if name not in stub_fns or name not in ref_fns:
            problems.append(f"{where}: {name}() must be in exercises/ and solutions/")
        elif _signature(stub_fns[name]) != _signature(ref_fns[name]):
            problems.append(f"{where}: {name}() has another signature in solutions/")
        elif not _is_stub(stub_fns[name]):
            problems.append(f"{where}: exercises/{ex.module}.py {name}() must be a docstring "
                            "starting 'TODO' and `raise NotImplementedError`")
    extra = sorted(set(stub_fns) - set(ex.functions))
    if extra:
        problems.append(f"{where}: exercises/{ex.module}.py defines {extra}, not in lab.yaml")
    text = stub.read_text()
    for banned in ("sys.path", "noqa"):
        if banned in text:
            problems.append(f"{where}: exercises/{ex.module}.py mentions {banned}")
    return problems


def _lint_wrong(folder: Path, lab: Lab) -> list[str]:
    """Each wrong solution names its exercise and stands in for that exercise's module."""
    try:
        found = wrong_answers(folder)
    except ValueError as e:
        return [str(e)]
    modules = {e.number: e.module for e in lab.exercises}
    return [f"{w.folder.relative_to(folder.parent)}: exercise {w.exercise}'s module is "
            f"{modules.get(w.exercise)}.py" for w in found
            if [p.stem for p in w.folder.glob("*.py")] != [modules.get(w.exercise)]]


def _section(readme: str, title: str) -> str | None:
    match = re.search(rf"^##+ {re.escape(title)}\s*$(.*?)(?=^##+ |\Z)", readme, re.M | re.S)
    return match.group(1) if match else None


def _marked_exercises(grader: Path) -> set[int]:
    return {int(n) for n in re.findall(r"@pytest\.mark\.exercise\((\d+)\)", grader.read_text())}


def _functions(path: Path) -> dict:
    tree = ast.parse(path.read_text())
    return {n.name: n for n in tree.body if isinstance(n, (*FUNCTIONS, ast.ClassDef))}


FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)


def _signature(fn) -> str:
    return f"{type(fn).__name__} {ast.dump(fn.args)}" if isinstance(fn, FUNCTIONS) else "class"


def _is_stub(fn) -> bool:
    if not isinstance(fn, FUNCTIONS) or len(fn.body) != 2:
        return False
    doc, body = fn.body
    return (isinstance(doc, ast.Expr) and isinstance(doc.value, ast.Constant)
            and str(doc.value.value).startswith("TODO") and isinstance(body, ast.Raise)
            and "NotImplementedError" in ast.unparse(body))


def _lint_ports(folder: Path, lab: Lab, services: set[int]) -> list[str]:
    """Every port the chapter's code names (a *PORT* constant, port=N) is in its range, or
    one of the playground's services."""
    problems = []
    for path in sorted(folder.rglob("*.py")):
        for node, value in _port_literals(ast.parse(path.read_text())):
            if value not in lab.ports and value not in services:
                problems.append(f"{path.relative_to(folder.parent)}:{node.lineno}: port "
                                f"{value} is outside {folder.name}'s {lab.ports.start}-"
                                f"{lab.ports.stop - 1}")
    return problems


def _port_literals(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            names += [e.id for t in node.targets if isinstance(t, ast.Tuple)
                      for e in t.elts if isinstance(e, ast.Name)]
            if any("PORT" in n for n in names):
                yield from _ints(node.value)
        elif isinstance(node, ast.keyword) and node.arg == "port":
            yield from _ints(node.value)


def _ints(value):
    values = value.elts if isinstance(value, ast.Tuple) else [value]
    for v in values:
        if isinstance(v, ast.Constant) and type(v.value) is int:
            yield v, v.value


def grade(folder: Path, wrong: Wrong) -> list[str]:
    """The tests of the wrong solution's exercise that fail on it (none: it was missed);
    ValueError when the grader did not run at all."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.xml"
        done = subprocess.run([sys.executable, "-m", "pytest", str(folder), "-q",
                               "--answers", str(wrong.folder.relative_to(folder)),
                               "--exercise", str(wrong.exercise), f"--junitxml={report}",
                               f"--report={Path(tmp) / 'report.html'}"],   # not the student's
                              cwd=ROOT, capture_output=True, text=True)
        cases = list(ElementTree.parse(report).getroot().iter("testcase")) \
            if report.exists() else []
        if not cases:
            said = (done.stdout + done.stderr).strip().splitlines() or ["no output"]
            raise ValueError(f"{folder.name}: the grader ran no test for exercise "
                             f"{wrong.exercise}: {said[-1]}")
        return [case.get("name") for case in cases
                if case.find("failure") is not None or case.find("error") is not None]
