"""What a grading run writes for people: an HTML report (per chapter and exercise: the verdict,
each test's message, links to its captures and their ladder diagrams) and a Gradescope-style
results.json. The labs' pytest plugin (plugin.py) gathers the Outcome records and calls these.
"""
from __future__ import annotations

import html
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import labs, ladder

VERDICTS = ("pass", "not right", "not started")


@dataclass
class Outcome:
    """One test of a grading run, as the report shows it."""
    nodeid: str
    chapter: str                   # chNN
    exercise: int | None           # None: a test of the chapter's example programs
    passed: bool
    message: str = ""              # why it failed: the grader's own words
    not_started: bool = False      # a program said labkit's `not done yet`
    captures: list[str] = field(default_factory=list)   # pcap paths; the .svg lies beside

    @property
    def name(self) -> str:
        return self.nodeid.split("::", 1)[-1]


def verdicts(outcomes: list[Outcome]) -> dict[str, dict[int, str]]:
    """{chapter: {exercise: verdict}}: an exercise passes when all its tests do; it is
    "not started" when every failing test met an untouched stub, else "not right"."""
    found: dict[str, dict[int, list[Outcome]]] = {}
    for o in outcomes:
        if o.exercise is not None:
            found.setdefault(o.chapter, {}).setdefault(o.exercise, []).append(o)
    return {chapter: {n: verdict(tests) for n, tests in sorted(numbers.items())}
            for chapter, numbers in sorted(found.items())}


def verdict(tests: list[Outcome]) -> str:
    failed = [t for t in tests if not t.passed]
    if not failed:
        return "pass"
    return "not started" if all(t.not_started for t in failed) else "not right"


def exercise_titles(chapter: str) -> dict[int, str]:
    try:
        return {e.number: e.title for e in labs.load(labs.LABS / chapter).exercises}
    except (ValueError, OSError):
        return {}


def readme_section(chapter: str, n: int, title: str) -> str:
    """Where exercise n is explained: its section of the chapter's README, as a link."""
    return f"labs/{chapter}/README.md#{labs.anchor(f'Exercise {n}: {title}')}"


# --- results.json (Gradescope's format) --------------------------------------------------

def gradescope(outcomes: list[Outcome], chapters: list[str], missing: str = "no result") -> dict:
    """One Gradescope test per exercise of the chapters graded (1 point each); an exercise
    that has no verdict (a run stopped at its time limit) gets `missing` and no point."""
    found = verdicts(outcomes)
    tests = []
    for chapter in chapters:
        for n, title in exercise_titles(chapter).items():
            state = found.get(chapter, {}).get(n, missing)
            messages = [f"{o.name}: {o.message}" + "".join(f"\ncapture: {c}" for c in o.captures)
                        for o in outcomes
                        if o.chapter == chapter and o.exercise == n and not o.passed]
            where = [f"see {readme_section(chapter, n, title)}"] if messages else []
            tests.append({"name": f"{chapter} exercise {n}: {title}",
                          "score": 1 if state == "pass" else 0, "max_score": 1,
                          "status": "passed" if state == "pass" else "failed",
                          "output": "\n\n".join([state, *where, *messages])})
    return {"score": sum(t["score"] for t in tests), "tests": tests}


# --- the HTML report ------------------------------------------------------------------------

STYLE = """
body { font-family: sans-serif; margin: 2em; max-width: 70em; color: #222; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1.5em; }
th, td { border: 1px solid #ccc; padding: .3em .5em; text-align: left; vertical-align: top; }
td.pass { background: #dff5e1; } td.not-right { background: #fbe0dc; }
td.not-started { background: #fff4cc; } td.no-result, td.timed-out { background: #e8e8e8; }
pre { white-space: pre-wrap; margin: .2em 0; font-size: 90%; }
.failed { color: #b03020; } .passed { color: #1b7f3b; }
"""


def write_html(path: Path, outcomes: list[Outcome], heading: str) -> Path:
    """The report of a run, self-contained, its links relative to where it is written."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    found = verdicts(outcomes)
    body = [f"<h1>{_e(heading)}</h1>",
            f"<p>Written {time.strftime('%Y-%m-%d %H:%M:%S %Z')}. Each failing test says what "
            "it did and what it expected; its captures (pcap, for Wireshark) and their ladder "
            "diagrams (svg, for a browser) are linked beside it.</p>"]
    chapters = sorted({o.chapter for o in outcomes})
    body.append("<ul class='summary'>" + "".join(
        f"<li><a href='#{c}'>{c}</a>: {sum(v == 'pass' for v in found.get(c, {}).values())}/"
        f"{len(found.get(c, {}))} exercises pass</li>" for c in chapters) + "</ul>")
    for chapter in chapters:
        body += _chapter(path.parent, chapter, [o for o in outcomes if o.chapter == chapter],
                         found.get(chapter, {}))
    path.write_text("<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
                    f"<title>{_e(heading)}</title><style>{STYLE}</style></head><body>\n"
                    + "\n".join(body) + "\n</body></html>\n")
    return path


def _chapter(here: Path, chapter: str, outcomes: list[Outcome], found: dict) -> list[str]:
    titles = exercise_titles(chapter)
    done = sum(v == "pass" for v in found.values())
    readme = labs.LABS / chapter / "README.md"
    out = [f"<h2 id='{chapter}'>{chapter}: {done}/{len(found)} exercises pass</h2>",
           "<table><tr><th>exercise</th><th>verdict</th><th>tests</th></tr>"]
    for n in sorted({o.exercise for o in outcomes}, key=lambda n: (n is None, n or 0)):
        tests = [o for o in outcomes if o.exercise == n]
        if n is None:
            what, state = "the chapter's example programs", verdict(tests)
        else:
            section = f"Exercise {n}: {titles.get(n, '')}"
            what = (f"<a href='{_e(_rel(readme, here))}#{labs.anchor(section)}'>"
                    f"{_e(section)}</a>")
            state = found[n]
        out.append(f"<tr class='exercise'><td>{what}</td>"
                   f"<td class='{state.replace(' ', '-')}'>{state}</td>"
                   f"<td>{''.join(_test(here, t) for t in tests)}</td></tr>")
    return out + ["</table>"]


def _test(here: Path, t: Outcome) -> str:
    links = []
    for pcap in t.captures:
        diagram = ladder.beside(pcap)
        links.append(f"<a class='pcap' href='{_e(_rel(Path(pcap), here))}'>"
                     f"{_e(Path(pcap).name)}</a>")
        if diagram.exists():
            links.append(f"<a class='ladder' href='{_e(_rel(diagram, here))}'>ladder diagram</a>")
    state = "passed" if t.passed else "failed"
    message = f"<pre>{_e(t.message)}</pre>" if t.message else ""
    return (f"<div class='test'><span class='{state}'>{state}</span> {_e(t.name)} "
            f"{' '.join(links)}{message}</div>")


def _rel(target: Path, here: Path) -> str:
    return Path(os.path.relpath(Path(target).resolve(), here.resolve())).as_posix()


def _e(text: str) -> str:
    return html.escape(str(text), quote=True)


def write_json(path: Path, data: dict) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2) + "\n")
    return path
