"""Issue 14 end to end: a class of fake submissions of chapter 1 graded against the live
playground into the table, the hosts put back after each student, and the HTML report and a
ladder diagram looked at in a real headless Chromium (screenshots kept under results/)."""
import csv
import json
import re
import shutil
from pathlib import Path
from xml.etree import ElementTree

import pytest

from playground import grade, labs
from playground.fixtures import RESULTS
from playground.plugin import ANSWERS

CH01 = labs.LABS / "ch01"
OUT = RESULTS / "class-test"
# A submission that leaves a process running and then never answers: stopped at its limit.
HANGS = '''"""Exercise 2, hanging: starts a process that outlives it, then never returns."""
import subprocess
import time


def next_hop(interface, gateway, destination):
    subprocess.Popen(["sleep", "300"], start_new_session=True)
    time.sleep(300)
'''


def submission(folder: Path, files: dict) -> None:
    exercises = folder / "ch01" / "exercises"
    exercises.mkdir(parents=True)
    for name, source in files.items():
        shutil.copy(source, exercises / name) if isinstance(source, Path) else \
            (exercises / name).write_text(source)


@pytest.fixture(scope="module")
def graded(tmp_path_factory, topology):
    """alice hands in the reference solutions, bob a wrong exercise 1 and an untouched 2,
    carol a right exercise 1 and an exercise 2 that hangs; graded with a short time limit."""
    class_dir = tmp_path_factory.mktemp("class")
    submission(class_dir / "alice", {p.name: p for p in (CH01 / "solutions").glob("*.py")})
    submission(class_dir / "bob", {
        "geocode_socket.py": CH01 / "wrong" / "naive_dechunk" / "geocode_socket.py",
        "route_check.py": CH01 / "exercises" / "route_check.py"})
    submission(class_dir / "carol", {
        "geocode_socket.py": CH01 / "solutions" / "geocode_socket.py",
        "route_check.py": HANGS})
    shutil.rmtree(OUT, ignore_errors=True)
    return {g.student: g for g in grade.grade_class(topology, class_dir, OUT, time_limit=25,
                                                   progress=lambda line: None)}


def leftovers(run, host: str) -> str:
    """The processes on host still carrying a graded student's answers folder."""
    script = (f"for p in /proc/[0-9]*; do grep -qz '^{ANSWERS}={grade.INSIDE}/' $p/environ "
              "2>/dev/null && cat $p/cmdline | tr '\\0' ' ' && echo; done; true")
    return run(host, "sh", "-c", script).stdout.strip()


def test_the_class_table_has_each_students_verdicts(graded):
    rows = list(csv.reader(open(OUT / "table.csv")))
    assert rows[0] == ["student", "run", "score", "ch01 ex1", "ch01 ex2"]
    assert rows[1] == ["alice", "graded", "2", "pass", "pass"]
    assert rows[2] == ["bob", "graded", "0", "not right", "not started"]
    assert rows[3] == ["carol", "timed out after 25 s", "1", "pass", "timed out"]


def test_each_student_gets_results_json_and_junit(graded):
    bob = json.loads((OUT / "bob" / "results.json").read_text())
    assert bob["score"] == 0 and [t["max_score"] for t in bob["tests"]] == [1, 1]
    first = bob["tests"][0]["output"]
    assert first.startswith("not right") and "test_socket_client_reads_awkward_servers" in first
    assert "README.md#exercise-1-http11-by-hand-over-a-raw-socket" in first
    assert json.loads((OUT / "alice" / "results.json").read_text())["score"] == 2
    cases = ElementTree.parse(OUT / "bob" / "junit.xml").getroot().iter("testcase")
    failed = {c.get("name") for c in cases if c.find("failure") is not None}
    assert "test_socket_client_reads_awkward_servers" in failed


def test_the_hosts_are_put_back_after_each_student(graded, run, topology):
    assert graded["carol"].cleaned >= 1   # her sleep 300, at least, outlived the run
    for host in ("h1", "www"):
        assert leftovers(run, host) == "", f"processes of a graded student left on {host}"
        assert run(host, "ls", "-A", grade.INSIDE).stdout.strip() == "", \
            f"submitted files left in {grade.INSIDE} on {host}"


def test_a_submission_is_never_copied_into_labs(graded):
    assert not list(CH01.glob("**/alice")) and not list(CH01.glob("**/carol"))


def test_report_and_ladder_render_in_chromium_and_links_resolve(graded, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    report = OUT / "bob" / "report.html"
    page.goto(report.as_uri())
    assert "ch01: 0/2 exercises pass" in page.inner_text("h2")
    verdicts = page.locator("tr.exercise td:nth-child(2)").all_inner_texts()
    assert verdicts == ["not right", "not started"]
    hrefs = page.eval_on_selector_all("a", "links => links.map(a => a.href)")
    ladders = [h for h in hrefs if h.endswith(".svg")]
    assert ladders, "no ladder diagram linked from the report"
    for href in hrefs:
        path = Path(re.sub(r"^file://", "", href.split("#")[0]))
        assert path.is_file(), f"the report links {href}, which does not exist"
    page.screenshot(path=str(OUT / "report.png"), full_page=True)
    page.goto(ladders[0])
    said = page.locator("g.arrow text").all_text_contents()
    assert any(s.startswith("TCP S ") for s in said), said[:12]
    assert any(s.startswith("TCP SA 80 > ") for s in said), said[:12]
    assert any(s.startswith("HTTP GET /geocode/json?address=") for s in said), said[:12]
    columns = page.locator("g.column text").all_text_contents()
    assert "www" in columns and "h1, h2, h3 via modemA NAT" in columns, columns
    drawn = page.locator("g.arrow line").first.bounding_box()
    assert drawn and drawn["width"] > 100, f"the first arrow is not drawn across: {drawn}"
    page.screenshot(path=str(OUT / "ladder.png"))   # the top: a whole SVG times out
    page.goto((OUT / "table.html").as_uri())
    assert page.locator("#grades tr").count() == 4
    page.click("text=alice")
    assert "ch01: 2/2 exercises pass" in page.inner_text("h2")
    page.close()
