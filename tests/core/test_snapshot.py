"""The tracker's frozen snapshot: what reports, exports and the import planner read."""

from __future__ import annotations

import dataclasses
import hashlib
import io
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from cairn.cli import run
from cairn.reports.export import render_text
from cairn.tracker import Tracker

NOW = datetime(2026, 3, 9)


def _clock(start: datetime):  # type: ignore[no-untyped-def]
    moments = iter(start + timedelta(minutes=n) for n in range(10_000))
    return lambda: next(moments)


@pytest.fixture
def learner(data_dir: Path, shipped_pack: Path) -> Iterator[Tracker]:
    """A learner with a week done, notes, evidence, a reading and study time; closed after."""
    t = Tracker.open(data_dir, shipped_pack, clock=_clock(datetime(2026, 3, 2)))
    for item in t.curriculum.week_items("w01"):
        t.set_status(item.id, "done")
    t.set_status("rag-eval-golden-set", "done")
    t.add_evidence("rag-eval-golden-set", "https://github.com/learner/rag")
    t.set_note("python-project-skeleton", "Learned **uv**.")
    t.set_note("clean-code-refactor", "Private doubts.", private=True)
    t.set_reading_status("rag-paper", "read")
    t.set_setting("learner_name", "Ada Learner")
    t.set_target_roles("llm-engineer", ["applied-scientist"])
    t.log_study("python-project-skeleton", 75, started_at=datetime(2026, 3, 2, 19))
    yield t
    t.close()


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_snapshot_cannot_be_changed(learner: Tracker) -> None:
    snapshot = learner.snapshot()
    with pytest.raises(dataclasses.FrozenInstanceError):
        snapshot.now = NOW  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        snapshot.statuses = {}  # type: ignore[misc]
    with pytest.raises(TypeError):
        snapshot.statuses["python-project-skeleton"] = "todo"  # type: ignore[index]
    with pytest.raises(TypeError):
        del snapshot.notes["python-project-skeleton"]  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        snapshot.settings["learner_name"] = "Mallory"  # type: ignore[index]
    assert isinstance(snapshot.evidence, tuple) and isinstance(snapshot.sessions, tuple)
    assert all(isinstance(entries, tuple) for entries in snapshot.history.values())
    learner.close()


def test_a_snapshot_holds_what_the_tracker_shows(learner: Tracker) -> None:
    snapshot = learner.snapshot()
    assert dict(snapshot.statuses) == learner.statuses()
    assert dict(snapshot.records) == learner.stored_statuses()
    assert dict(snapshot.reading_records) == learner.reading_records()
    assert dict(snapshot.notes) == learner.notes()
    assert list(snapshot.evidence) == learner.evidence_links()
    assert list(snapshot.sessions) == learner.sessions()
    assert {k: list(v) for k, v in snapshot.history.items()} == learner.all_history()
    assert snapshot.learner_name == "Ada Learner"
    assert snapshot.primary_role == learner.primary_role() == "llm-engineer"
    assert list(snapshot.target_roles) == learner.target_roles()
    assert snapshot.overall_progress() == learner.overall_progress()
    assert snapshot.month_progress("m1") == learner.month_progress("m1")
    assert snapshot.evidence_for("rag-eval-golden-set") == tuple(
        learner.evidence("rag-eval-golden-set")
    )
    assert snapshot.study(NOW.date()) == learner.study(NOW.date())
    assert snapshot.readiness().roles() == learner.readiness().roles()
    assert snapshot.data_folder == learner.data_dir and snapshot.backup_dir == learner.backup_dir
    learner.close()


def test_a_report_from_a_snapshot_stays_as_it_was_when_progress_moves_on(
    learner: Tracker,
) -> None:
    snapshot = learner.snapshot()
    before = {fmt: render_text(snapshot, fmt, now=NOW) for fmt in ("md", "json")}
    learner.set_status("rag-eval-golden-set", "todo")
    learner.set_note("python-project-skeleton", "Rewritten after the snapshot.")
    assert {fmt: render_text(snapshot, fmt, now=NOW) for fmt in ("md", "json")} == before
    later = render_text(learner.snapshot(), "md", now=NOW)
    assert "Rewritten after the snapshot." in later and "Learned **uv**." in before["md"]
    learner.close()


def test_the_command_line_remembers_a_summary_marked_sent_and_a_refused_one_changes_nothing(
    learner: Tracker, data_dir: Path, tmp_path: Path
) -> None:
    learner.close()
    err = io.StringIO()
    args = ["--data-dir", str(data_dir), "export", "--format", "md", "--out"]
    assert run([*args, str(tmp_path / "draft.md")], stdout=io.StringIO(), stderr=err) == 0
    with Tracker.open(data_dir, learner.shipped_pack or Path()) as t:
        assert t.snapshot().last_export is None  # not marked as sent: the period stays
    sent = [*args, str(tmp_path / "first.md"), "--mark-sent"]
    assert run(sent, stdout=io.StringIO(), stderr=err) == 0
    with Tracker.open(data_dir, learner.shipped_pack or Path()) as t:
        made = t.snapshot().last_export
        assert made is not None and "the start" not in render_text(t.snapshot(), "md")
    database = data_dir / "cairn.sqlite3"
    before = _sha256(database)
    refused = io.StringIO()
    code = run([*args, str(data_dir / "summary.md")], stdout=io.StringIO(), stderr=refused)
    assert code == 2 and "data folder" in refused.getvalue()
    assert _sha256(database) == before and not (data_dir / "summary.md").exists()
