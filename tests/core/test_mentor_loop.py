"""The mentor loop from a terminal: periods from the summary marked as sent, whose data an
import is, feedback that comes back, and the plan and profile commands (docs/mentor-loop.md)."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import uuid
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from cairn.cli import run
from cairn.locations import curriculum_dir
from cairn.reports.pdf import active_content
from cairn.tracker import Tracker

ITEM = "clean-code-refactor"
OTHER_ITEM = "python-project-skeleton"
MILESTONE = "agent-failures-baseline"


def cairn(data_dir: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = run(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def ok(data_dir: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> str:
    code, out, err = cairn(data_dir, *args, capsys=capsys)
    assert code == 0, err
    return out


def _tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """Every start tag in `html` with its attributes."""
    found: list[tuple[str, list[tuple[str, str | None]]]] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, attrs))

    Collect().feed(html)
    return found


def completed_section(text: str) -> str:
    """The 'Completed in this period' part of a Markdown summary."""
    start = text.index("Completed in this period")
    rest = text[start:]
    following = re.search(r"\n#{1,3} ", rest[30:])
    return rest[: 30 + following.start()] if following else rest


@pytest.fixture
def learner(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "learner"
    ok(folder, "mark", ITEM, "done", capsys=capsys)
    ok(folder, "profile", "--name", "Ada Learner", capsys=capsys)
    return folder


# --- periods ---------------------------------------------------------------------------------
def test_exports_not_marked_as_sent_all_show_the_same_period(
    learner: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for fmt in ("md", "html", "pdf"):
        ok(learner, "export", "--format", fmt, "--out", str(tmp_path / f"s.{fmt}"), capsys=capsys)
    ok(learner, "export", "--format", "md", "--out", str(tmp_path / "again.md"), capsys=capsys)
    first, again = (tmp_path / "s.md").read_text(), (tmp_path / "again.md").read_text()
    assert "Refactor" in completed_section(first) or ITEM in json.dumps(first)
    assert completed_section(first) == completed_section(again)
    html = (tmp_path / "s.html").read_text()
    assert "Nothing was marked done in this period" not in html


def test_marking_as_sent_starts_the_next_period_there(
    learner: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = ok(
        learner, "export", "--format", "md", "--out", str(tmp_path / "a.md"), "--mark-sent",
        capsys=capsys,
    )  # fmt: skip
    assert "marked as sent" in out
    ok(learner, "export", "--format", "md", "--out", str(tmp_path / "b.md"), capsys=capsys)
    assert "Nothing was marked done in this period" in (tmp_path / "b.md").read_text()
    ok(
        learner, "export", "--format", "md", "--out", str(tmp_path / "c.md"),
        "--since", "2000-01-01", capsys=capsys,
    )  # fmt: skip
    assert "Nothing was marked done in this period" not in (tmp_path / "c.md").read_text()


def test_the_summary_shows_the_change_since_the_report_marked_as_sent(
    learner: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ok(learner, "export", "--format", "json", "--out", str(tmp_path / "a.json"), "--mark-sent",
       capsys=capsys)  # fmt: skip
    with Tracker.open(learner, curriculum_dir()) as t:
        sent = t.snapshot().last_sent
        assert sent is not None and sent.overall_percent == t.overall_progress().percent
        assert set(sent.readiness) == set(t.curriculum.roles)
    ok(learner, "mark", OTHER_ITEM, "done", capsys=capsys)
    ok(learner, "export", "--format", "json", "--out", str(tmp_path / "b.json"), capsys=capsys)
    payload = json.loads((tmp_path / "b.json").read_text())
    assert (
        payload["summary"]["last_sent"]["overall_percent"]
        < payload["summary"]["overall"]["percent"]
    )


# --- identity -------------------------------------------------------------------------------
def test_every_folder_gets_a_learner_id_that_exports_carry(
    learner: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = json.loads(ok(learner, "profile", "--json", capsys=capsys))
    assert profile["name"] == "Ada Learner" and uuid.UUID(profile["learner_id"])
    assert json.loads(ok(learner, "profile", "--json", capsys=capsys)) == profile  # stable
    ok(learner, "export", "--format", "json", "--out", str(tmp_path / "e.json"), capsys=capsys)
    payload = json.loads((tmp_path / "e.json").read_text())
    assert payload["schema"] == 3
    assert payload["learner"]["id"] == profile["learner_id"]
    assert payload["learner"]["name"] == "Ada Learner"


def test_another_learners_export_is_refused_and_nothing_changes(
    learner: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other"
    for minutes in ("30", "45"):
        ok(other, "log", OTHER_ITEM, minutes, capsys=capsys)
    ok(other, "profile", "--name", "Bo", capsys=capsys)
    export = tmp_path / "bo.json"
    ok(other, "export", "--format", "json", "--out", str(export), capsys=capsys)
    database = learner / "cairn.sqlite3"
    before = sha(database)
    code, out, err = cairn(learner, "import", str(export), capsys=capsys)
    assert code == 2 and out == ""
    assert str(export) in err and "learner.id" in err and "Bo's progress" in err
    assert "--as-restore" in err and len(err.strip().splitlines()) == 1
    assert sha(database) == before
    with Tracker.open(learner, curriculum_dir()) as t:
        assert t.study().minutes_total == 0


def test_a_restore_takes_another_id_and_a_new_folder_adopts_it(
    learner: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "ada.json"
    ok(learner, "log", ITEM, "40", capsys=capsys)
    ok(learner, "export", "--format", "json", "--out", str(export), capsys=capsys)
    theirs = json.loads(export.read_text())["learner"]["id"]
    laptop = tmp_path / "new-laptop"  # restoring on a new laptop just works
    assert "Imported" in ok(laptop, "import", str(export), capsys=capsys)
    assert json.loads(ok(laptop, "profile", "--json", capsys=capsys))["learner_id"] == theirs
    used = tmp_path / "used-laptop"  # progress of its own: only as a restore
    ok(used, "mark", OTHER_ITEM, "doing", capsys=capsys)
    assert cairn(used, "import", str(export), capsys=capsys)[0] == 2
    ok(used, "import", str(export), "--as-restore", capsys=capsys)
    assert json.loads(ok(used, "profile", "--json", capsys=capsys))["learner_id"] == theirs
    with Tracker.open(used, curriculum_dir()) as t:
        assert t.status(ITEM) == "done" and t.status(OTHER_ITEM) == "doing"
        assert t.study().minutes_total == 40


def test_an_older_export_without_an_id_still_imports(
    learner: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other"
    ok(other, "mark", OTHER_ITEM, "done", capsys=capsys)
    export = tmp_path / "old.json"
    ok(other, "export", "--format", "json", "--out", str(export), capsys=capsys)
    payload = json.loads(export.read_text())
    payload["schema"] = 2
    for key in ("plan", "feedback"):
        del payload[key]
    del payload["learner"]["id"]
    export.write_text(json.dumps(payload))
    assert "Imported" in ok(learner, "import", str(export), capsys=capsys)
    with Tracker.open(learner, curriculum_dir()) as t:
        assert t.status(OTHER_ITEM) == "done"


# --- feedback round trip ---------------------------------------------------------------------
def _feedback(
    export: Path, out: Path, capsys: pytest.CaptureFixture[str], *extra: str
) -> tuple[int, str]:
    code = run(["feedback", str(export), *extra, "--out", str(out) if str(out) != "." else ""])
    _, err = capsys.readouterr()
    return code, err


def test_a_mentors_feedback_reaches_the_learner(
    learner: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ok(learner, "mark", MILESTONE, "done", capsys=capsys)
    with Tracker.open(learner, curriculum_dir()) as t:
        before = t.readiness().roles()
    export = tmp_path / "ada.json"
    ok(learner, "export", "--format", "json", "--out", str(export), capsys=capsys)
    feedback = tmp_path / "feedback.json"
    code, err = _feedback(
        export, feedback, capsys,
        "--comment", ITEM, "Good *refactor*; try smaller functions.",
        "--comment", MILESTONE, "The baseline table is convincing.",
        "--verify", MILESTONE, "--note", "Keep going!", "--mentor", "Grace",
    )  # fmt: skip
    assert code == 0, err
    out = ok(learner, "import", str(feedback), capsys=capsys)
    assert "Grace" in out and "2 comments on 2 items" in out and "1 verified milestone" in out
    items = {i["id"]: i for i in json.loads(ok(learner, "items", "--json", capsys=capsys))["items"]}
    assert [c["text"] for c in items[ITEM]["mentor_comments"]] == [
        "Good *refactor*; try smaller functions."
    ]
    assert items[MILESTONE]["verified"] is True and items[ITEM]["verified"] is False
    with Tracker.open(learner, curriculum_dir()) as t:
        after = t.readiness().roles()
        assert [c.body for c in t.mentor_comments("")] == ["Keep going!"]
    # a verified milestone counts like a linked one: readiness rose where it counts
    assert sum(r.score for r in after) > sum(r.score for r in before)
    # the summary shows the verified tier, apart from self-reported work
    ok(learner, "export", "--format", "md", "--out", str(tmp_path / "s.md"), capsys=capsys)
    summary = (tmp_path / "s.md").read_text()
    assert "1 verified by a mentor" in summary and "Verified by mentor" in summary
    assert "The baseline table is convincing." in summary
    database = learner / "cairn.sqlite3"
    before_hash = sha(database)
    again = ok(learner, "import", str(feedback), capsys=capsys)
    assert "Nothing new" in again and sha(database) == before_hash
    # the learner's next export carries the feedback, so a restore keeps it
    ok(learner, "export", "--format", "json", "--out", str(tmp_path / "next.json"), capsys=capsys)
    laptop = tmp_path / "laptop"
    ok(laptop, "import", str(tmp_path / "next.json"), capsys=capsys)
    restored = {
        i["id"]: i for i in json.loads(ok(laptop, "items", "--json", capsys=capsys))["items"]
    }
    assert restored[MILESTONE]["verified"] is True
    assert restored[ITEM]["mentor_comments"] == items[ITEM]["mentor_comments"]


def test_feedback_for_another_learner_is_refused(
    learner: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other"
    ok(other, "mark", OTHER_ITEM, "done", capsys=capsys)
    export = tmp_path / "bo.json"
    ok(other, "export", "--format", "json", "--out", str(export), capsys=capsys)
    feedback = tmp_path / "for-bo.json"
    assert _feedback(export, feedback, capsys, "--note", "Well done")[0] == 0
    database = learner / "cairn.sqlite3"
    before = sha(database)
    code, _, err = cairn(learner, "import", str(feedback), capsys=capsys)
    assert code == 2 and "learner.id" in err and str(feedback) in err
    assert sha(database) == before
    code, _, err = cairn(learner, "import", str(feedback), "--as-restore", capsys=capsys)
    assert code == 2 and sha(database) == before


def test_hostile_feedback_is_kept_as_text_and_inert_in_every_summary(
    learner: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ok(learner, "mark", MILESTONE, "done", capsys=capsys)
    export = tmp_path / "ada.json"
    ok(learner, "export", "--format", "json", "--out", str(export), capsys=capsys)
    hostile = (
        "Mentor says hi <script>alert(1)</script> <img src=x onerror=alert(2)> "
        "[x](javascript:alert(3))"
    )
    feedback = tmp_path / "feedback.json"
    code, err = _feedback(
        export, feedback, capsys, "--comment", MILESTONE, hostile, "--note", hostile
    )
    assert code == 0, err
    ok(learner, "import", str(feedback), capsys=capsys)
    for fmt in ("html", "md"):
        target = tmp_path / f"summary.{fmt}"
        ok(learner, "export", "--format", fmt, "--out", str(target), capsys=capsys)
        text = target.read_text()
        html = markdown.markdown(text, extensions=["tables"]) if fmt == "md" else text
        assert "Mentor says hi" in html  # the mentor's words are shown, as text
        tags = _tags(html)
        assert not {"script", "img", "iframe"} & {tag for tag, _ in tags}, fmt
        for tag, attrs in tags:
            for name, value in attrs:
                assert not name.startswith("on"), (fmt, tag, name)
                assert "javascript:" not in (value or "").lower(), (fmt, tag, value)
    pdf = tmp_path / "summary.pdf"
    ok(learner, "export", "--format", "pdf", "--out", str(pdf), capsys=capsys)
    assert active_content(pdf.read_bytes()) == []
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Mentor says hi" in text


# --- plan and profile ------------------------------------------------------------------------
def test_plan_is_shown_set_and_in_status(learner: Path, capsys: pytest.CaptureFixture[str]) -> None:
    unset = json.loads(ok(learner, "plan", "--json", capsys=capsys))["plan"]
    assert set(unset.values()) == {None} and {"start", "hours_per_week"} <= set(unset)
    status = json.loads(ok(learner, "status", "--json", capsys=capsys))
    assert status["plan"] == unset
    assert "No study plan yet" in ok(learner, "plan", capsys=capsys)
    ok(learner, "plan", "--start", "2026-01-05", "--hours", "10", capsys=capsys)
    ok(learner, "plan", "--hours", "12.5", capsys=capsys)  # keeps the start
    plan = json.loads(ok(learner, "plan", "--json", capsys=capsys))["plan"]
    assert plan["start"] == "2026-01-05" and plan["hours_per_week"] == 12.5
    assert plan["state"] in ("ahead", "on track", "behind")
    assert json.loads(ok(learner, "status", "--json", capsys=capsys))["plan"] == plan
    assert "12.5 h/week from 5 Jan 2026" in ok(learner, "plan", capsys=capsys)


@pytest.mark.parametrize(
    "args",
    [
        ("--hours", "0"),
        ("--hours", "61"),
        ("--hours", "nan"),
        ("--hours", "ten"),
        ("--start", "2026-02-30", "--hours", "5"),
        ("--start", "yesterday", "--hours", "5"),
        ("--start", "1999-12-31", "--hours", "5"),
        ("--start", "2026-01-05"),  # no plan yet: hours are needed
        ("--start", "2026-W02-1", "--hours", "5"),  # an ISO week date is not YYYY-MM-DD
        ("--hours", "1_0"),
        ("--hours", "\u0661\u0660"),  # Arabic-Indic digits
    ],
)
def test_bad_plan_input_exits_2_and_changes_nothing(
    learner: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...]
) -> None:
    database = learner / "cairn.sqlite3"
    before = sha(database)
    code, out, err = cairn(learner, "plan", *args, capsys=capsys)
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert err.startswith("cairn: ") and sha(database) == before


def test_a_bad_name_is_refused_and_changes_nothing(
    learner: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = learner / "cairn.sqlite3"
    before = sha(database)
    code, _, err = cairn(learner, "profile", "--name", "x" * 500, capsys=capsys)
    assert code == 2 and "name" in err and sha(database) == before


def test_the_mentor_view_carries_the_learners_plan_and_id(
    learner: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from cairn.content import load_curriculum
    from cairn.mentor_view import open_summary

    ok(learner, "plan", "--start", "2026-01-05", "--hours", "8", capsys=capsys)
    export = tmp_path / "ada.json"
    ok(learner, "export", "--format", "json", "--out", str(export), capsys=capsys)
    profile = json.loads(ok(learner, "profile", "--json", capsys=capsys))
    tracker, data = open_summary(export, load_curriculum([curriculum_dir()]))
    try:
        plan = tracker.plan_settings()
        assert plan is not None and plan.hours_per_week == 8 and str(plan.start) == "2026-01-05"
        assert tracker.learner_id == data.learner_id == profile["learner_id"]
        assert tracker.read_only
    finally:
        tracker.close()


def test_feedback_never_replaces_the_export_it_answers(
    learner: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "ada.json"
    ok(learner, "export", "--format", "json", "--out", str(export), capsys=capsys)
    before = sha(export)
    code, err = _feedback(export, export, capsys, "--note", "hi")
    assert code == 2 and "progress export" in err and sha(export) == before
    code, err = _feedback(export, Path(""), capsys, "--note", "hi")
    assert code == 2 and "--out: is empty" in err


def test_a_restore_keeps_where_the_next_period_starts(
    learner: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ok(learner, "export", "--format", "md", "--out", str(tmp_path / "a.md"), "--mark-sent",
       capsys=capsys)  # fmt: skip
    export = tmp_path / "ada.json"
    ok(learner, "export", "--format", "json", "--out", str(export), capsys=capsys)
    assert json.loads(export.read_text())["summary"]["last_sent"]["at"].endswith("Z")
    laptop = tmp_path / "laptop"
    ok(laptop, "import", str(export), capsys=capsys)
    with (
        Tracker.open(learner, curriculum_dir()) as here,
        Tracker.open(laptop, curriculum_dir()) as there,
    ):
        assert there.snapshot().last_sent == here.snapshot().last_sent
    ok(laptop, "export", "--format", "md", "--out", str(tmp_path / "b.md"), capsys=capsys)
    assert "Nothing was marked done in this period" in (tmp_path / "b.md").read_text()


def test_a_plan_that_began_long_ago_charts_up_to_this_week(
    learner: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    start = date.today() - timedelta(weeks=40)
    ok(learner, "plan", "--start", start.isoformat(), "--hours", "10", capsys=capsys)
    ok(learner, "log", ITEM, "90", capsys=capsys)
    ok(learner, "export", "--format", "md", "--out", str(tmp_path / "s.md"), capsys=capsys)
    text = (tmp_path / "s.md").read_text()
    this_week = date.today() - timedelta(days=(date.today() - start).days % 7)
    assert f"{this_week.day} {this_week:%b} {this_week.year}" in text  # this plan week's row
    assert "Path done: 0.0 %" not in text


def test_a_period_starting_in_the_future_is_refused(
    learner: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "s.md"
    code, _, err = cairn(
        learner, "export", "--format", "md", "--out", str(target), "--since", "2099-01-01",
        capsys=capsys,
    )  # fmt: skip
    assert code == 2 and "future" in err and not target.exists()
