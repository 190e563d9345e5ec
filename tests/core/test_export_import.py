"""Exports a mentor reads, and imports that restore or merge — all or nothing."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from datetime import datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest

from cairn.cli import run
from cairn.locations import curriculum_dir
from cairn.reports.export import export, render_text
from cairn.reports.importer import ImportRefused
from cairn.tracker import Tracker
from choice_packs import AGENTS, GROUP, SERVING, write_choice_pack

HOSTILE = (
    "# Week notes\n<script>alert('x')</script>\n"
    '[click me](javascript:alert(1)) <a href="javascript:alert(2)">a</a>\n'
    '<img src="https://evil.example/pixel.png" onerror="alert(3)">\n'
    "![remote](https://evil.example/tracker.gif)\n"
    '<div onclick="alert(4)" style="background:url(https://evil.example/x)">hi</div>\n'
    '<iframe src="https://evil.example"></iframe> **kept bold** '
    "[a real link](https://docs.python.org/3/)"
)


def _clock(start: datetime):  # type: ignore[no-untyped-def]
    moments = iter(start + timedelta(minutes=n) for n in range(10_000))
    return lambda: next(moments)


@pytest.fixture
def learner(tmp_path: Path) -> Iterator[Tracker]:
    """A learner with a week done, notes, evidence, a reading and study time; closed after."""
    with Tracker.open(
        tmp_path / "learner", curriculum_dir(), clock=_clock(datetime(2026, 3, 2))
    ) as t:
        for item in t.curriculum.week_items("w01"):
            t.set_status(item.id, "done")
        t.set_status("numpy-vectorise-similarity", "doing")
        t.set_status("sql-for-ml-data", "skipped")
        t.set_status("rag-eval-golden-set", "done")
        t.add_evidence("rag-eval-golden-set", "https://github.com/learner/rag")
        t.set_note("python-project-skeleton", "Learned **uv**. Shared with my mentor.")
        t.set_note("python-asyncio-concurrency", "Private doubts about my career.", private=True)
        t.set_reading_status("rag-paper", "read")
        t.set_setting("learner_name", "Ada Learner")
        t.set_target_roles("llm-engineer", ["applied-scientist"])
        t.log_study("python-project-skeleton", 75, started_at=datetime(2026, 3, 2, 19))
        yield t


def _status_json(data_dir: Path) -> dict:  # type: ignore[type-arg]
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert run(["--data-dir", str(data_dir), "status", "--json"], stdout=out) == 0
    return json.loads(out.getvalue())


def test_json_round_trip_into_an_empty_folder(learner: Tracker, tmp_path: Path) -> None:
    target = export(learner.snapshot(), "json", tmp_path / "ada.json").path
    statuses = learner.statuses()
    learner.close()
    with Tracker.open(tmp_path / "mentor-copy", curriculum_dir()) as fresh:
        report = fresh.import_progress(target)
        assert report.statuses == len(statuses) and report.evidence == 1 and report.readings == 1
        assert report.sessions == 1 and [x.minutes for x in fresh.sessions()] == [75]
        assert fresh.statuses() == statuses
        assert fresh.note("python-project-skeleton").body.startswith("Learned **uv**")  # type: ignore[union-attr]
        assert fresh.note("python-asyncio-concurrency") is None  # private notes never leave
        assert fresh.target_roles() == ["llm-engineer", "applied-scientist"]
        assert [h.new_status for h in fresh.history("python-project-skeleton")] == ["done"]
    assert _status_json(tmp_path / "mentor-copy") == _status_json(tmp_path / "learner")


def test_import_twice_changes_nothing_the_second_time(learner: Tracker, tmp_path: Path) -> None:
    target = export(learner.snapshot(), "json", tmp_path / "ada.json").path
    report = learner.import_progress(target)
    assert (report.statuses, report.notes, report.evidence, report.readings, report.sessions) == (
        0,
        0,
        0,
        0,
        0,
    )
    assert report.backup is None
    assert "Nothing to import" in report.describe()


def test_merge_keeps_the_newer_change_per_item(learner: Tracker, tmp_path: Path) -> None:
    target = export(learner.snapshot(), "json", tmp_path / "ada.json").path
    older = _clock(datetime(2026, 3, 1))  # older than the learner's
    with Tracker.open(tmp_path / "laptop2", curriculum_dir(), clock=older) as other:
        other.set_status("python-project-skeleton", "todo")  # older: the export's "done" wins
    newer = _clock(datetime(2026, 4, 1))  # newer than the learner's
    with Tracker.open(tmp_path / "laptop2", curriculum_dir(), clock=newer) as other:
        other.set_status("numpy-vectorise-similarity", "done")  # newer: stays done
        report = other.import_progress(target, as_restore=True)  # the learner's other laptop
        assert other.status("python-project-skeleton") == "done"
        assert other.status("numpy-vectorise-similarity") == "done"
    assert report.backup is not None and report.backup.is_file()
    assert "A backup was made first" in report.describe()


BAD_FILES = {
    "truncated": lambda text: text[: len(text) // 2],
    "not json": lambda text: "this is a text file, not an export",
    "wrong format": lambda text: text.replace('"cairn-progress"', '"something-else"'),
    "newer schema": lambda text: text.replace('"schema": 3', '"schema": 7', 1),
    "wrong type": lambda text: text.replace('"items": [', '"items": {"x": [', 1).replace(
        '"notes":', '"notesx":', 1
    ),
    "bad status": lambda text: text.replace('"status": "done"', '"status": "finished"', 1),
    "bad url": lambda text: text.replace("https://github.com/learner/rag", "javascript:alert(1)"),
    "bad date": lambda text: text.replace('"updated_at": "2026', '"updated_at": "yesterday', 1),
    "bad id": lambda text: text.replace(
        '"id": "python-project-skeleton"', '"id": "../../etc/passwd"', 1
    ),
    "top level list": lambda text: "[1, 2, 3]",
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_a_bad_file_is_refused_naming_it_and_nothing_changes(
    learner: Tracker, tmp_path: Path, case: str
) -> None:
    good = export(learner.snapshot(), "json", tmp_path / "good.json").path.read_text()
    bad = tmp_path / f"{case.replace(' ', '-')}.json"
    bad.write_text(BAD_FILES[case](good))
    with Tracker.open(tmp_path / "other", curriculum_dir()) as fresh:
        fresh.set_status("python-project-skeleton", "doing")
        before = (fresh.stored_statuses(), fresh.notes(), fresh.evidence_links())
        with pytest.raises(ImportRefused) as refused:
            fresh.import_progress(bad)
        message = str(refused.value)
        assert str(bad) in message and "nothing was imported" in message
        assert (fresh.stored_statuses(), fresh.notes(), fresh.evidence_links()) == before
        assert not (tmp_path / "other" / "backups").exists()


def test_cli_import_refusal_exit_code(learner: Tracker, tmp_path: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text('{"format": "cairn-progress", "schema": 1, "items": [')
    assert run(["--data-dir", str(tmp_path / "x"), "import", str(bad)]) == 2
    good = export(learner.snapshot(), "json", tmp_path / "good.json").path
    assert run(["--data-dir", str(tmp_path / "x"), "import", str(good)]) == 0


def test_hostile_learner_text_never_survives_into_html(learner: Tracker) -> None:
    learner.set_note("clean-code-refactor", HOSTILE)
    learner.set_setting("learner_name", "<script>alert('name')</script>Ada")
    html = render_text(learner.snapshot(), "html", questions=HOSTILE, next_goals=HOSTILE)
    _assert_inert(html)
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html  # shown as the words
    assert "<strong>kept bold</strong>" in html
    assert '<a href="https://docs.python.org/3/"' in html
    assert "&lt;script&gt;alert(&#x27;name&#x27;)&lt;/script&gt;Ada" in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    for fmt in ("html", "pdf"):
        _assert_inert(render_text(learner.snapshot(), fmt, questions=HOSTILE))


def _assert_inert(html: str) -> None:
    """No element runs, loads or styles anything; learner text is only ever text."""
    found: list[tuple[str, list[tuple[str, str | None]]]] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, attrs))

    Collect().feed(html)
    for tag, attrs in found:
        assert tag not in ("script", "iframe", "object", "embed"), tag
        if tag == "img":  # only the report's own charts, drawn from inside the file
            assert (dict(attrs).get("src") or "").startswith("data:image/svg+xml;base64,")
        for name, value in attrs:
            text = (value or "").lower()
            assert not name.startswith("on"), (tag, name)
            assert "javascript:" not in text and "evil.example" not in text, (tag, value)
            assert "url(" not in text, (tag, value)  # the report's own styles load nothing


def test_notes_private_and_no_notes(learner: Tracker) -> None:
    with_notes = render_text(learner.snapshot(), "md")
    assert "Learned **uv**" in with_notes and "Private doubts" not in with_notes
    without = render_text(learner.snapshot(), "md", include_notes=False)
    assert "Learned" not in without and "Learning journal" not in without
    payload = json.loads(render_text(learner.snapshot(), "json", include_notes=False))
    assert payload["notes"] == []


def test_completed_since_the_previous_export(learner: Tracker, tmp_path: Path) -> None:
    first = render_text(learner.snapshot(), "md", now=datetime(2026, 3, 3))
    assert "Set up a Python repo" in first
    done = export(learner.snapshot(), "md", tmp_path / "first.md", now=datetime(2026, 3, 3))
    learner.remember_export(done.at)
    learner._clock = _clock(datetime(2026, 3, 5))  # two days later
    learner.set_status("pytest-fixtures-parametrize", "todo")
    learner.set_status("numpy-vectorise-similarity", "done")
    second = render_text(learner.snapshot(), "md", now=datetime(2026, 3, 10))
    completed = second.split("## Completed in this period")[1].split("##")[0]
    assert "Vectorise cosine similarity" in completed
    assert "Set up a Python repo" not in completed


def test_report_contents_for_a_mentor(learner: Tracker) -> None:
    md = render_text(
        learner.snapshot(),
        "md",
        questions="How deep should I go on linear algebra?",
        next_goals="Finish week 2.",
    )
    for expected in (
        "# Progress summary: Ada Learner",
        "## Readiness by role",
        "### LLM / AI Engineer (primary):",
        "## Project milestones",
        "<https://github.com/learner/rag>",
        "How deep should I go",
        "Finish week 2.",
        "## Learning journal",
    ):
        assert expected in md, expected


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_pdf_has_the_report_headings_and_needs_no_display(learner: Tracker, tmp_path: Path) -> None:
    import os
    import sys

    learner.close()
    target = tmp_path / "ada.pdf"
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "cairn",
            "--data-dir",
            str(tmp_path / "learner"),
            "export",
            "--format",
            "pdf",
            "--out",
            str(target),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    text = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    for heading in (
        "Progress summary: Ada Learner",
        "Overall",
        "Readiness by role",
        "Project milestones",
        "Questions and blockers for my mentor",
        "Next goals",
        "Learning journal",
        "page 1 of",
    ):
        assert heading in text, heading


def test_a_summary_opens_read_only_and_never_writes(learner: Tracker, tmp_path: Path) -> None:
    from cairn.mentor_view import open_summary
    from cairn.tracker import TrackerError

    target = export(learner.snapshot(), "json", tmp_path / "ada.json").path
    before = target.read_bytes()
    with Tracker.open(tmp_path / "mentor", curriculum_dir()) as mentor:
        snapshot, data = open_summary(target, mentor.curriculum)
        with snapshot:
            assert data.learner_name == "Ada Learner"
            assert snapshot.statuses() == learner.statuses()
            assert snapshot.readiness().role("llm-engineer").score == pytest.approx(
                learner.readiness().role("llm-engineer").score
            )
            for attempt in (
                lambda: snapshot.set_status("python-project-skeleton", "todo"),
                lambda: snapshot.set_note("python-project-skeleton", "x"),
                lambda: snapshot.add_evidence("rag-eval-golden-set", "https://x.org"),
                lambda: snapshot.set_reading_status("rag-paper", "unread"),
            ):
                with pytest.raises(TrackerError, match="Ada Learner's progress"):
                    attempt()
            folder = snapshot.database_path.parent
        assert not folder.exists()
        assert mentor.statuses() == {} and target.read_bytes() == before


# --- electives in the JSON export (schema 2) --------------------------------------------------
@pytest.fixture
def elective_pack(tmp_path: Path) -> Path:
    return write_choice_pack(tmp_path / "electives")


@pytest.fixture
def chooser(tmp_path: Path, elective_pack: Path) -> Iterator[Tracker]:
    """A learner who chose the Agents option and worked on two options; closed after."""
    with Tracker.open(tmp_path / "chooser", elective_pack, clock=_clock(datetime(2026, 3, 2))) as t:
        t.set_status("core-setup", "done")
        t.set_status("evals-golden-set", "done")
        t.choose(GROUP, [AGENTS])
        t.set_status("agents-loop", "doing")
        yield t


def test_the_export_carries_choices_and_each_items_choice(chooser: Tracker, tmp_path: Path) -> None:
    payload = json.loads(export(chooser.snapshot(), "json", tmp_path / "a.json").path.read_text())
    assert payload["schema"] == 3
    assert [(c["group"], c["options"]) for c in payload["choices"]] == [(GROUP, [AGENTS])]
    assert payload["choices"][0]["updated_at"].startswith("2026-03-02T")
    items = {i["id"]: (i["choice"], i["chosen"]) for i in payload["items"]}
    assert items == {
        "core-setup": (None, None),
        "evals-golden-set": (GROUP, False),
        "agents-loop": (GROUP, True),
    }


def test_reimporting_your_own_export_changes_nothing(chooser: Tracker, tmp_path: Path) -> None:
    target = export(chooser.snapshot(), "json", tmp_path / "a.json").path
    before = (chooser.stored_statuses(), chooser.choices())
    report = chooser.import_progress(target)
    assert report.choices == 0 and report.backup is None
    assert "Nothing to import" in report.describe()
    assert (chooser.stored_statuses(), chooser.choices()) == before


def test_reopening_a_choice_is_not_undone_by_importing_an_older_export(
    chooser: Tracker, tmp_path: Path
) -> None:
    older = export(chooser.snapshot(), "json", tmp_path / "older.json").path
    chooser.choose(GROUP, [])  # the clock moves on a minute with every read
    assert chooser.choices() == {}
    report = chooser.import_progress(older)
    assert report.choices == 0
    assert chooser.choices() == {} and chooser.overall_progress().total == 5  # the cheapest
    reopened = json.loads(
        export(chooser.snapshot(), "json", tmp_path / "new.json").path.read_text()
    )
    assert [(c["group"], c["options"]) for c in reopened["choices"]] == [(GROUP, [])]


def test_importing_into_a_fresh_folder_restores_the_choice(
    chooser: Tracker, tmp_path: Path, elective_pack: Path
) -> None:
    target = export(chooser.snapshot(), "json", tmp_path / "a.json").path
    statuses, total = chooser.statuses(), chooser.overall_progress().total
    with Tracker.open(tmp_path / "fresh", elective_pack) as fresh:
        report = fresh.import_progress(target)
        assert report.choices == 1 and "Took 1 elective choice from the file." in report.describe()
        assert fresh.choices() == {GROUP: (AGENTS,)}
        assert fresh.statuses() == statuses and fresh.overall_progress().total == total == 6


def test_a_schema_1_file_without_choices_still_imports(
    chooser: Tracker, tmp_path: Path, elective_pack: Path
) -> None:
    payload = json.loads(export(chooser.snapshot(), "json", tmp_path / "a.json").path.read_text())
    payload["schema"] = 1
    del payload["choices"]
    for item in payload["items"]:
        del item["choice"], item["chosen"]
    old = tmp_path / "old.json"
    old.write_text(json.dumps(payload))
    with Tracker.open(tmp_path / "fresh", elective_pack) as fresh:
        report = fresh.import_progress(old)
        assert report.statuses == 3 and report.choices == 0
        assert fresh.statuses() == chooser.statuses() and fresh.choices() == {}


@pytest.mark.parametrize(
    "options", ["spec-agents", ["Not An Id"], None, ["spec-nope"], ["spec-agents", "spec-evals"]]
)
def test_a_malformed_choice_is_refused_naming_the_field(
    chooser: Tracker, tmp_path: Path, elective_pack: Path, options: object
) -> None:
    payload = json.loads(export(chooser.snapshot(), "json", tmp_path / "a.json").path.read_text())
    payload["choices"][0]["options"] = options
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(payload))
    with Tracker.open(tmp_path / "other", elective_pack) as other:
        other.choose(GROUP, [SERVING])
        before = (other.stored_statuses(), other.stored_choice(GROUP))
        with pytest.raises(ImportRefused) as refused:
            other.import_progress(bad)
        message = str(refused.value)
        assert "choices[0].options" in message and "nothing was imported" in message
        assert (other.stored_statuses(), other.stored_choice(GROUP)) == before
    assert not (tmp_path / "other" / "backups").exists()


def test_the_json_export_is_one_field_or_entry_a_line_and_reads_as_written(
    learner: Tracker, tmp_path: Path
) -> None:
    from cairn.reports.json_export import dump_export

    text = export(learner.snapshot(), "json", tmp_path / "a.json").path.read_text()
    payload = json.loads(text)
    assert dump_export(payload) == text  # the same writer, the same text
    lines = text.splitlines()
    assert lines[0] == "{" and lines[-1] == "}"
    assert lines[1].startswith('  "format": "cairn-progress"')
    entries = [line for line in lines if line.startswith('    {"id": ')]
    assert len(entries) >= len(payload["items"])  # each item on its own line
    assert json.loads(dump_export({"empty": [], "nested": {"a": [1, {"b": "é"}]}})) == {
        "empty": [],
        "nested": {"a": [1, {"b": "é"}]},
    }
