"""The pieces of reports and instructor grading that need no playground: submissions read from
folders and zips, student ids, per-student variants, results.json, the class table and the
HTML report's links."""
import csv
import json
import zipfile
from html.parser import HTMLParser

import pytest

from playground import grade, report
from playground.cli import main
from playground.engine import PlaygroundError
from playground.grading import variant
from playground.plugin import answers, said
from playground.report import Outcome


def test_a_submission_is_its_chapters_exercise_files_from_a_folder_or_a_zip(tmp_path):
    folder = tmp_path / "alice"
    (folder / "labs" / "ch01" / "exercises").mkdir(parents=True)
    (folder / "labs" / "ch01" / "exercises" / "route_check.py").write_text("x = 1\n")
    (folder / "labs" / "ch01" / "notes.py").write_text("not an exercise\n")
    (folder / "ch99" / "exercises").mkdir(parents=True)   # no such chapter here
    (folder / "ch99" / "exercises" / "a.py").write_text("")
    assert grade.submission_files(folder) == {"ch01/exercises/route_check.py": b"x = 1\n"}
    with zipfile.ZipFile(tmp_path / "bob.zip", "w") as z:
        z.writestr("../../ch02/exercises/udp_local.py", "y = 2\n")   # a path never followed
        z.writestr("ch02/README.md", "")
    assert grade.submission_files(tmp_path / "bob.zip") == {
        "ch02/exercises/udp_local.py": b"y = 2\n"}


@pytest.mark.parametrize("make, said_", [
    (lambda p: p.mkdir(), "no chNN/exercises/*.py"),
    (lambda p: p.write_text("hello"), "not a folder or a .zip"),
    (lambda p: None, "not a folder or a .zip")])
def test_a_submission_without_exercises_is_refused_in_one_line(tmp_path, make, said_):
    make(tmp_path / "sub")
    with pytest.raises(PlaygroundError, match=said_.replace("*", r"\*").replace(".", r"\.")):
        grade.submission_files(tmp_path / "sub")


def test_student_ids_are_plain_names(tmp_path):
    assert grade.student_id(tmp_path / "alice.zip") == "alice"
    assert grade.student_id(tmp_path / "x", "s-123_b.c") == "s-123_b.c"
    for bad in ("../etc", "a b", "-x", ""):
        with pytest.raises(PlaygroundError, match="student id"):
            grade.student_id(tmp_path / "x", bad or "$")


def test_absolute_answers_are_a_folder_per_chapter_inside_the_hosts():
    class Config:
        def __init__(self, **options):
            self.options = options

        def getoption(self, name):
            return self.options.get(name)
    assert answers(Config(**{"--answers": "/var/tmp/g/alice/"}), "ch01") == \
        "/var/tmp/g/alice/ch01/exercises"
    assert answers(Config(**{"--answers": "wrong/x/"}), "ch01") == "wrong/x"
    assert answers(Config(**{"--solutions": True}), "ch01") == "solutions"
    assert answers(Config(), "ch01") == "exercises"


def test_a_variant_is_the_students_own_and_stable():
    choices = list(range(100))
    assert variant("alice", "port", choices) == variant("alice", "port", choices)
    picks = {variant(f"student{n}", "port", choices) for n in range(20)}
    assert len(picks) > 10 and picks <= set(choices)
    assert len({variant("alice", f"secret {n}", "abcdefgh") for n in range(20)}) > 3


def test_the_graders_words_without_pytests_rereading():
    assert said("AssertionError: 2 requests\nassert 2 == 1\n +  where") == \
        "AssertionError: 2 requests"


def outcomes(tmp_path):
    pcap = tmp_path / "t" / "isp-modemA-1.pcap"
    pcap.parent.mkdir()
    pcap.write_bytes(b"")
    pcap.with_suffix(".svg").write_text("<svg/>")
    return [Outcome("labs/ch01/test_ch01.py::test_a", "ch01", 1, True),
            Outcome("labs/ch01/test_ch01.py::test_b", "ch01", 1, False, "AssertionError: no",
                    captures=[str(pcap)]),
            Outcome("labs/ch01/test_ch01.py::test_c", "ch01", None, True)]


def test_results_json_has_one_test_per_exercise_with_the_graders_words(tmp_path):
    results = report.gradescope(outcomes(tmp_path), ["ch01"])
    assert results["score"] == 0
    first, second = results["tests"]
    assert first["name"] == "ch01 exercise 1: HTTP/1.1 by hand over a raw socket"
    assert (first["score"], first["max_score"], first["status"]) == (0, 1, "failed")
    assert first["output"].splitlines()[0] == "not right"
    assert "test_b: AssertionError: no" in first["output"]
    assert "README.md#exercise-1-http11-by-hand-over-a-raw-socket" in first["output"]
    assert second["output"] == "no result"
    assert grade.cells(results) == {("ch01", 1): "not right", ("ch01", 2): "no result"}


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        self.hrefs += [v for k, v in attrs if tag == "a" and k == "href"]


def test_the_html_report_links_the_readme_and_each_capture_and_diagram(tmp_path):
    page = report.write_html(tmp_path / "out" / "report.html", outcomes(tmp_path), "Report")
    parser = Links()
    parser.feed(page.read_text())
    # the chapter in the summary, exercise 1's README section, the pcap, its diagram
    assert len(parser.hrefs) == 4 and parser.hrefs[0] == "#ch01"
    for href in parser.hrefs[1:]:
        assert (page.parent / href.split("#")[0]).is_file(), href
    assert "#exercise-1-http11-by-hand-over-a-raw-socket" in parser.hrefs[1]
    assert "the chapter's example programs" in page.read_text()


def test_the_class_table_has_a_row_per_student_and_a_column_per_exercise(tmp_path):
    graded = [grade.Graded("alice", tmp_path / "alice", "graded",
                           {("ch01", 1): "pass", ("ch01", 2): "pass"}),
              grade.Graded("bob", tmp_path / "bob", "timed out after 5 s",
                           {("ch01", 1): "not right", ("ch01", 2): "timed out"})]
    grade.write_table(tmp_path, graded)
    rows = list(csv.reader(open(tmp_path / "table.csv")))
    assert rows == [["student", "run", "score", "ch01 ex1", "ch01 ex2"],
                    ["alice", "graded", "2", "pass", "pass"],
                    ["bob", "timed out after 5 s", "0", "not right", "timed out"]]
    assert "<td class='timed-out'>timed out</td>" in (tmp_path / "table.html").read_text()


def test_a_run_killed_before_its_reports_still_gets_results_and_junit(tmp_path):
    results = grade._results(tmp_path, ["ch01"], "timed out after 5 s")
    assert [t["output"] for t in results["tests"]] == ["timed out", "timed out"]
    assert json.loads((tmp_path / "results.json").read_text())["output"].startswith("timed out")
    assert (tmp_path / "junit.xml").read_text().count("<failure") == 2


@pytest.mark.parametrize("argv, said_", [
    (["grade"], "give one SUBMISSION folder or .zip, or --class DIR"),
    (["grade", "a", "--class", "b"], "give one SUBMISSION folder or .zip, or --class DIR"),
    (["grade", "a", "--time-limit", "0"], "--time-limit 0: give seconds above 0"),
    (["grade", "/no/such/alice"], "not a folder or a .zip"),
    (["grade", "--class", "/no/such/class"], "not a folder of submissions"),
    (["grade", "alice", "--student", "a/b"], "student id 'a/b'")])
def test_grade_refuses_bad_input_in_one_line_before_touching_a_host(argv, said_):
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert str(exit_.value.code).startswith("playground: ") and said_ in str(exit_.value.code)
