"""Anything Cairn accepts, its own export restores (issue 10, case 7), and importing is
idempotent (issue 10, case 6): the same file twice, or a learner's own export into the database
it came from, changes nothing — with the real clock's microseconds, and with older exports that
rounded times to the second."""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import tempfile
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import SMALL_PACK

from cairn.cli import run
from cairn.locations import curriculum_dir
from cairn.reports.export import export, render_text
from cairn.tracker import Tracker, TrackerError
from cairn.validation import MAX_NOTE_CHARS, MAX_URL_CHARS

ITEM, OTHER, MILESTONE = "python-project-skeleton", "sql-for-ml-data", "rag-eval-golden-set"
ROUND_TRIP = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=200)  # surrogates included


@pytest.fixture(scope="module")
def empty_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, empty database to copy (opening a copy skips the migration)."""
    folder = tmp_path_factory.mktemp("template")
    Tracker.open(folder, SMALL_PACK).close()
    return folder / "cairn.sqlite3"


def _fresh(empty_database: Path, root: Path, name: str) -> Tracker:
    folder = root / name
    folder.mkdir()
    shutil.copy(empty_database, folder / "cairn.sqlite3")
    return Tracker.open(folder, SMALL_PACK)


def _held(t: Tracker) -> tuple[str | None, list[str]]:
    note = t.note("write-hello")
    return (note.body if note else None), [e.url for e in t.evidence("demo-start")]


def _through_an_export(empty_database: Path, change: str, value: str) -> tuple[object, object]:
    """Make one change in a fresh folder, export JSON, import into another fresh folder;
    return what each folder holds afterwards (None when the tracker refused the value)."""
    root = Path(tempfile.mkdtemp())
    source, target = (_fresh(empty_database, root, n) for n in ("source", "target"))
    try:
        try:
            if change == "note":
                source.set_note("write-hello", value)
            else:
                source.add_evidence("demo-start", value)
        except TrackerError:
            return None, None
        export_file = root / "export.json"
        export_file.write_text(render_text(source.snapshot(), "json"), encoding="utf-8")
        target.import_progress(export_file)
        return _held(source), _held(target)
    finally:
        source.close()
        target.close()
        shutil.rmtree(root)


@ROUND_TRIP
@given(ANY_TEXT)
def test_every_note_the_tracker_accepts_survives_export_and_import(
    empty_database: Path, body: str
) -> None:
    here, restored = _through_an_export(empty_database, "note", body)
    assert restored == here


@ROUND_TRIP
@given(
    st.sampled_from(["http", "https", "HTTPS"]),
    st.from_regex(r"[a-z0-9-]{1,12}(\.[a-z]{2,5})?(:[0-9]{1,5})?", fullmatch=True) | ANY_TEXT,
    ANY_TEXT,
)
def test_every_link_the_tracker_accepts_survives_export_and_import(
    empty_database: Path, scheme: str, host: str, rest: str
) -> None:
    here, restored = _through_an_export(empty_database, "evidence", f"{scheme}://{host}/{rest}")
    assert restored == here


@ROUND_TRIP
@given(ANY_TEXT)
def test_every_learner_name_the_tracker_accepts_survives_export_and_import(
    empty_database: Path, name: str
) -> None:
    root = Path(tempfile.mkdtemp())
    source, target = (_fresh(empty_database, root, n) for n in ("source", "target"))
    try:
        try:
            source.set_setting("learner_name", name)
        except TrackerError:
            return
        export_file = root / "export.json"
        export_file.write_text(render_text(source.snapshot(), "json"), encoding="utf-8")
        target.import_progress(export_file)
        assert target.setting("learner_name") == (name or None)
    finally:
        source.close()
        target.close()
        shutil.rmtree(root)


def test_the_longest_note_and_link_survive(empty_database: Path) -> None:
    body = ("Ünïcode & *Markdown* 🎓\n" * MAX_NOTE_CHARS)[:MAX_NOTE_CHARS]
    url = "https://example.org/" + "p" * (MAX_URL_CHARS - len("https://example.org/"))
    assert _through_an_export(empty_database, "note", body) == ((body, []), (body, []))
    assert _through_an_export(empty_database, "evidence", url) == ((None, [url]), (None, [url]))


# --- idempotency ------------------------------------------------------------------------------
@pytest.fixture
def learner(tmp_path: Path) -> Iterator[Path]:
    """A data folder with a little of everything, written with the real clock (microseconds),
    including a status changed back and forth within a second and two identical sessions."""
    folder = tmp_path / "learner"
    with Tracker.open(folder, curriculum_dir()) as t:
        for status in ("doing", "done", "todo", "done"):
            t.set_status(ITEM, status)
        t.set_status(OTHER, "skipped")
        t.set_status(MILESTONE, "done")
        t.add_evidence(MILESTONE, "https://github.com/learner/rag")
        t.set_note(ITEM, "Learned **uv**.")
        t.set_reading_status("rag-paper", "read")
        t.log_study(ITEM, 25)
        t.log_study(OTHER, 1440)
        twice = t.now() - timedelta(hours=1, microseconds=1)
        t.log_study(ITEM, 30, started_at=twice)
        t.log_study(ITEM, 30, started_at=twice)
    yield folder


def _export(folder: Path, target: Path) -> Path:
    t = Tracker.open(folder, curriculum_dir())
    try:
        return export(t.snapshot(), "json", target).path
    finally:
        t.close()


def _state(folder: Path) -> tuple[object, ...]:
    """What a learner sees: status --json, study minutes, history and session counts, and the
    database file's hash."""
    out = io.StringIO()
    assert run(["--data-dir", str(folder), "status", "--json"], stdout=out) == 0
    status = json.loads(out.getvalue())
    t = Tracker.open(folder, curriculum_dir())
    try:
        counts = (
            sum(len(t.history(i)) for i in (ITEM, OTHER, MILESTONE)),
            len(t.sessions()),
            sum(x.minutes for x in t.sessions()),
            len(t.evidence(MILESTONE)),
        )
    finally:
        t.close()
    return status, counts, hashlib.sha256((folder / "cairn.sqlite3").read_bytes()).hexdigest()


def _import(folder: Path, source: Path) -> str:
    out = io.StringIO()
    assert run(["--data-dir", str(folder), "import", str(source)], stdout=out) == 0
    return out.getvalue()


def test_exports_keep_microseconds(learner: Path, tmp_path: Path) -> None:
    data = json.loads(_export(learner, tmp_path / "own.json").read_text())
    assert re.fullmatch(
        r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", data["sessions"][0]["started_at"]
    )


def test_importing_your_own_export_changes_nothing(learner: Path, tmp_path: Path) -> None:
    source = _export(learner, tmp_path / "own.json")
    before = _state(learner)
    assert _import(learner, source).startswith("Nothing to import")
    assert _state(learner) == before
    assert before[1] == (6, 4, 25 + 1440 + 60, 1)  # the study time is not doubled


def test_an_older_export_rounded_to_seconds_changes_nothing_either(
    learner: Path, tmp_path: Path
) -> None:
    source = _export(learner, tmp_path / "own.json")
    text = source.read_text()
    rounded = re.sub(r"(T\d\d:\d\d:\d\d)\.\d{6}Z", r"\1Z", text)
    assert rounded != text
    source.write_text(rounded)
    before = _state(learner)
    assert _import(learner, source).startswith("Nothing to import")
    assert _state(learner) == before


def test_importing_the_same_file_twice_changes_nothing_the_second_time(
    learner: Path, tmp_path: Path
) -> None:
    source = _export(learner, tmp_path / "own.json")
    restored = tmp_path / "restored"
    first = _import(restored, source)
    assert first.startswith(
        "Imported 3 statuses, 1 note, 1 evidence link, 1 reading, 4 study sessions"
    )
    after_first = _state(restored)
    assert after_first[1] == _state(learner)[1]
    assert _import(restored, source).startswith("Nothing to import")
    assert _state(restored) == after_first
    backups = list((restored / "backups").glob("*before-import*"))
    assert len(backups) == 1  # the second import did not even back up


def test_a_merge_still_takes_a_newer_change_from_another_computer(
    learner: Path, tmp_path: Path
) -> None:
    source = _export(learner, tmp_path / "own.json")
    laptop = tmp_path / "laptop"
    _import(laptop, source)
    assert run(["--data-dir", str(laptop), "mark", ITEM, "skipped"]) == 0
    newer = _export(laptop, tmp_path / "laptop.json")
    report = _import(learner, newer)
    assert report.startswith("Imported 1 status, 0 notes")
    t = Tracker.open(learner, curriculum_dir())
    try:
        assert t.status(ITEM) == "skipped" and len(t.sessions()) == 4
        assert [h.new_status for h in t.history(ITEM)][-1] == "skipped"
    finally:
        t.close()
