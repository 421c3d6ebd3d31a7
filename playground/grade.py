"""Grading work that is not in this checkout: one student's submission, or a class of them.

A submission is a folder or a .zip holding the student's exercises/ files of some chapters,
chNN/exercises/MODULE.py (at any depth, so a zip of labs/ works too). Its files go into every
host under /var/tmp/playground-grade/STUDENT/ (never into labs/, which is this checkout's and
mounted in the hosts) and the chapters' graders grade them there (`--answers` that folder), in
a pytest of their own with a time limit: the student's code runs only inside the containers.
Afterwards the hosts are put back for the next student: every process the run started is
killed (the student's programs carry PLAYGROUND_ANSWERS in their environment, the graders'
servers and captures PLAYGROUND_OWNER), its files go and the mailbox gets its seed back.
"""
from __future__ import annotations

import csv
import html
import json
import os
import re
import signal
import subprocess
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from . import lifecycle, report
from .engine import PlaygroundError, exec_, put_files
from .fixtures import RESULTS, not_up
from .labs import LABS
from .plugin import ANSWERS
from .project import ROOT
from .run import OWNER, scratch_prefix
from .topology import Topology

INSIDE = "/var/tmp/playground-grade"     # in every host; /var/tmp exists in all of them
SUBMITTED = re.compile(r"(?:^|/)(ch\d\d)/exercises/([A-Za-z_]\w*\.py)$")
STUDENT_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
GRACE = 20   # s: after the time limit, for pytest to stop its servers before it is killed
ONE_OUT, CLASS_OUT = RESULTS / "grade", RESULTS / "class"   # where results go by default


@dataclass
class Graded:
    student: str
    folder: Path                     # report.html, results.json, junit.xml, log.txt
    run: str                         # "graded", "timed out after N s", "grader failed ..."
    cells: dict = field(default_factory=dict)   # {(chapter, n): verdict}
    cleaned: int = 0                 # processes the run left behind, killed afterwards

    @property
    def score(self) -> int:
        return sum(v == "pass" for v in self.cells.values())


# --- one submission -----------------------------------------------------------------------

def submission_files(path: Path) -> dict[str, bytes]:
    """{"chNN/exercises/MODULE.py": its bytes} of the chapters this checkout has."""
    if path.is_dir():
        found = {p.relative_to(path).as_posix(): p for p in path.rglob("*.py")}
        return _chosen(path, list(found), lambda name: found[name].read_bytes())
    if path.is_file() and zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:   # read, never extracted: no paths from it
            return _chosen(path, archive.namelist(), archive.read)
    raise PlaygroundError(f"{path}: not a folder or a .zip of a student's work "
                          "(chNN/exercises/*.py)")


def _chosen(path: Path, names: list[str], read) -> dict[str, bytes]:
    files = {}
    for name in sorted(names):
        match = SUBMITTED.search(name)
        if match and (LABS / match.group(1) / "lab.yaml").is_file():
            files[f"{match.group(1)}/exercises/{match.group(2)}"] = read(name)
    if not files:
        raise PlaygroundError(f"{path}: no chNN/exercises/*.py of a chapter in labs/: "
                              "put the student's files in chNN/exercises/")
    return files


def student_id(path: Path, given: str | None = None) -> str:
    name = given or path.stem
    if not STUDENT_ID.fullmatch(name):
        raise PlaygroundError(f"student id {name!r}: use letters, digits, '.', '_' or '-' "
                              "(give one with --student)")
    return name


def grade(topo: Topology, submission: Path, out: Path, student: str | None = None,
          time_limit: float = 900) -> Graded:
    """Grade one submission into out/ (report.html, results.json, junit.xml, log.txt) and
    put the hosts back afterwards, whatever happened."""
    files = submission_files(Path(submission))
    sid = student_id(Path(submission), student)
    problem = not_up()
    if problem:
        raise PlaygroundError(problem)
    chapters = sorted({name.split("/")[0] for name in files})
    files.update({f"{c}/lab.yaml": (LABS / c / "lab.yaml").read_bytes() for c in chapters})
    hosts = lifecycle.running(topo)
    inside = f"{INSIDE}/{sid}"
    parent, base = INSIDE.rsplit("/", 1)   # put_files makes the folders below parent
    for host in hosts:
        put_files(host, parent, {f"{base}/{sid}/{name}": data for name, data in files.items()})
    out.mkdir(parents=True, exist_ok=True)
    pid, run = None, "grader did not start"
    try:
        pid, run = _pytest(chapters, inside, sid, out, time_limit)
    finally:
        cleaned = clean(hosts, inside, pid)
    results = _results(out, chapters, run)
    return Graded(sid, out, run, cells(results), cleaned)


def _pytest(chapters: list[str], inside: str, sid: str, out: Path,
            time_limit: float) -> tuple[int, str]:
    """Run the chapters' exercise tests on the answers in `inside`; (its pid, how it went)."""
    argv = [sys.executable, "-m", "pytest", *(f"labs/{c}" for c in chapters), "-m", "exercise",
            f"--answers={inside}", f"--student={sid}", f"--report={out / 'report.html'}",
            f"--results-json={out / 'results.json'}", f"--junitxml={out / 'junit.xml'}",
            f"--results-dir={out / 'captures'}"]
    for stale in ("report.html", "results.json", "junit.xml"):
        (out / stale).unlink(missing_ok=True)
    with open(out / "log.txt", "wb") as log:
        proc = subprocess.Popen(argv, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)
        try:
            status = proc.wait(timeout=time_limit)
        except subprocess.TimeoutExpired:
            _stop(proc)
            return proc.pid, f"timed out after {time_limit:g} s"
    if status in (0, 1):   # all passed, or some failed
        return proc.pid, "graded"
    return proc.pid, f"grader failed (pytest status {status}; see log.txt)"


def _stop(proc: subprocess.Popen) -> None:
    """Interrupt pytest (it stops its servers and captures and writes its reports), then
    kill it if it takes longer than GRACE."""
    os.killpg(proc.pid, signal.SIGINT)
    try:
        proc.wait(timeout=GRACE)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


# Kill each process whose environment names the student's folder or the pytest run, remove
# the folder and the run's scratch files (named from $5 on); print how many were killed.
SWEEP = r"""
killed=0
for p in /proc/[0-9]*; do
    if grep -qzE "^($1=$2/|$3=$4\$)" "$p/environ" 2>/dev/null; then
        kill -KILL "${p#/proc/}" 2>/dev/null && killed=$((killed + 1))
    fi
done
rm -rf "$2" /tmp/"$5"* /run/"$5"*
echo $killed
"""


def clean(hosts: list[str], inside: str, pid: int | None) -> int:
    """Put every host back as it was before the run; the number of processes killed."""
    killed = 0
    run = str(pid or "x")
    for host in hosts:
        done = exec_(host, "sh", "-c", SWEEP, "sweep", ANSWERS, inside, OWNER, run,
                     scratch_prefix(run))
        killed += int(done.stdout.strip() or 0)
    if "mail" in hosts:
        exec_("mail", "reset-mailbox")
    return killed


def _results(out: Path, chapters: list[str], run: str) -> dict:
    """The run's results.json, completed: an exercise without a verdict is "timed out" when
    the run was stopped; a run killed before writing it gets one (and a junit.xml)."""
    path = out / "results.json"
    missing = "timed out" if run.startswith("timed out") else "no result"
    results = json.loads(path.read_text()) if path.exists() else \
        report.gradescope([], chapters, missing)
    for test in results["tests"]:
        if test["output"].startswith("no result"):
            test["output"] = missing + test["output"][len("no result"):]
    results["output"] = f"{run}; the report: report.html"
    report.write_json(path, results)
    if not (out / "junit.xml").exists():
        _junit(out / "junit.xml", results)
    return results


def _junit(path: Path, results: dict) -> None:
    suite = ElementTree.Element("testsuite", name="playground", tests=str(len(results["tests"])))
    for test in results["tests"]:
        case = ElementTree.SubElement(suite, "testcase", name=test["name"])
        if test["status"] != "passed":
            ElementTree.SubElement(case, "failure", message=test["output"].splitlines()[0])
    ElementTree.ElementTree(suite).write(path, encoding="unicode", xml_declaration=True)


def cells(results: dict) -> dict:
    """{(chapter, n): verdict} from a results.json (its tests are named "chNN exercise N: ...",
    their output starts with the verdict)."""
    found = {}
    for test in results["tests"]:
        chapter, _, n = test["name"].split(":")[0].split()
        found[(chapter, int(n))] = test["output"].splitlines()[0]
    return found


# --- a class --------------------------------------------------------------------------------

def submissions(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise PlaygroundError(f"{folder}: not a folder of submissions (one folder or .zip "
                              "per student)")
    found = sorted(p for p in folder.iterdir() if p.is_dir() or p.suffix == ".zip")
    if not found:
        raise PlaygroundError(f"{folder}: no submissions in it (one folder or .zip per "
                              "student, named after the student)")
    return found


def grade_class(topo: Topology, folder: Path, out: Path, time_limit: float = 900,
                progress=print) -> list[Graded]:
    """Grade each submission in folder, one after another on a playground put back between
    them, into out/STUDENT/ and the class table out/table.csv and out/table.html."""
    graded = []
    for path in submissions(folder):
        sid = student_id(path)
        try:
            result = grade(topo, path, out / sid, time_limit=time_limit)
        except PlaygroundError as e:
            if not_up():
                raise
            result = Graded(sid, out / sid, f"not graded: {e}")
        graded.append(result)
        progress(summary(result))
    write_table(out, graded)
    return graded


def summary(g: Graded) -> str:
    left = f"; {g.cleaned} leftover processes killed" if g.cleaned else ""
    return f"{g.student}: {g.score}/{len(g.cells)} exercises pass ({g.run}{left})"


def columns(graded: list[Graded]) -> list[tuple[str, int]]:
    chapters = sorted({c for g in graded for c, _ in g.cells})
    return [(c, n) for c in chapters for n in report.exercise_titles(c)]


def write_table(out: Path, graded: list[Graded]) -> None:
    """out/table.csv and out/table.html: students x exercises."""
    cols = columns(graded)
    header = ["student", "run", "score", *(f"{c} ex{n}" for c, n in cols)]
    rows = [[g.student, g.run, str(g.score), *(g.cells.get(k, "not submitted") for k in cols)]
            for g in graded]
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "table.csv", "w", newline="") as f:
        csv.writer(f).writerows([header, *rows])
    e = html.escape
    head = "".join(f"<th>{e(h)}</th>" for h in header)
    body = []
    for g, row in zip(graded, rows):
        link = (f"<a href='{e(g.student)}/report.html'>{e(g.student)}</a>"
                if (g.folder / "report.html").exists() else e(g.student))
        cells_ = "".join(f"<td class='{e(v.replace(' ', '-'))}'>{e(v)}</td>" for v in row[1:])
        body.append(f"<tr><td>{link}</td>{cells_}</tr>")
    (out / "table.html").write_text(
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'><title>Class grades"
        f"</title><style>{report.STYLE}</style></head><body><h1>Class grades</h1>"
        f"<table id='grades'><tr>{head}</tr>{''.join(body)}</table></body></html>\n")

