"""The JSON export written from the stored history: the same text as from parsed entries.

`render_export` passes stored times on as text when every one is in the store's own form, and
parses them all (as the export always did) when any is not; both give exactly the text of
`dump_export(export_payload(...))`, the plain-data writer."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from cairn.history import last_done_of
from cairn.locations import curriculum_dir
from cairn.records import HistoryEntry
from cairn.reports.json_export import dump_export, export_payload, in_stored_form, render_export
from cairn.reports.summary import build_summary
from cairn.snapshot import ProgressSnapshot, StoredChange, StoredHistory
from cairn.tracker import Tracker

ITEMS = ("python-project-skeleton", "numpy-vectorise-similarity", "rag-eval-golden-set")


def _clock(start: datetime):  # type: ignore[no-untyped-def]
    moments = iter(start + timedelta(minutes=n, microseconds=n * 7) for n in range(10_000))
    return lambda: next(moments)


@pytest.fixture
def learner(tmp_path: Path) -> Iterator[Tracker]:
    """A learner who changed a few items back and forth."""
    with Tracker.open(
        tmp_path / "learner", curriculum_dir(), clock=_clock(datetime(2026, 3, 2))
    ) as t:
        for status in ("doing", "done", "doing", "done"):
            for item in ITEMS:
                t.set_status(item, status)
        t.set_status("sql-for-ml-data", "skipped")
        yield t


def _plain_text(snapshot: ProgressSnapshot) -> str:
    """The export as the plain-data writer gives it (every entry parsed into objects)."""
    return dump_export(export_payload(snapshot, build_summary(snapshot)))


def _with_history(snapshot: ProgressSnapshot, history: object) -> ProgressSnapshot:
    return dataclasses.replace(snapshot, history=history, last_done=None)  # type: ignore[arg-type]


def test_the_export_from_stored_times_is_the_export_from_parsed_ones(learner: Tracker) -> None:
    snapshot = learner.snapshot()
    assert isinstance(snapshot.history, StoredHistory)
    text = render_export(snapshot, build_summary(snapshot))
    assert text == _plain_text(snapshot)
    parsed = _with_history(snapshot, learner.all_history())  # a plain map of entries
    assert render_export(parsed, build_summary(parsed)) == text
    assert '"at": "2026-03-02T00:01:00.000007Z"' in text


def test_the_stored_history_reads_as_the_tracker_history(learner: Tracker) -> None:
    snapshot = learner.snapshot()
    history = snapshot.history
    assert {cid: list(entries) for cid, entries in history.items()} == learner.all_history()
    assert len(history) == len(learner.all_history()) and "sql-for-ml-data" in history
    assert isinstance(history, StoredHistory)
    assert history.last_done() == last_done_of(learner.all_history())
    assert list(history.last_done()) == list(last_done_of(learner.all_history()))  # same order
    assert dict(snapshot.done_moments()) == last_done_of(learner.all_history())
    with pytest.raises(KeyError):
        history["no-such-item"]


ODD_TIMES = [
    "2026-03-02 10:00:00",  # whole seconds (older Cairn)
    "2026-03-02T10:00:00.000001",  # a "T"
    "2026-03-02 10:00:00.000001+00:00",  # an offset
    "2026-03-02 10:00:00,000001",  # a comma
    "２026-03-02 10:00:00.000001",  # a digit that is not ASCII
]


@pytest.mark.parametrize("odd", ODD_TIMES)
def test_a_time_in_another_form_is_parsed_and_written_as_before(learner: Tracker, odd: str) -> None:
    snapshot = learner.snapshot()
    assert isinstance(snapshot.history, StoredHistory)
    changes = list(snapshot.history.changes())
    cid, old, new, _ = changes[0]
    changes[0] = (cid, old, new, odd)
    try:
        datetime.fromisoformat(odd)
    except ValueError:  # the export stops, as it did when it parsed every time
        with pytest.raises(ValueError):
            odd_snapshot = _with_history(snapshot, StoredHistory(changes))
            render_export(odd_snapshot, build_summary(odd_snapshot))
        return
    odd_snapshot = _with_history(snapshot, StoredHistory(changes))
    text = render_export(odd_snapshot, build_summary(odd_snapshot))
    assert text == _plain_text(odd_snapshot)
    parsed = {
        c: [HistoryEntry(o, n, datetime.fromisoformat(at)) for _, o, n, at in group]
        for c, group in _by_id(changes).items()
    }
    assert text == _plain_text(_with_history(snapshot, parsed))


def _by_id(changes: list[StoredChange]) -> dict[str, list[StoredChange]]:
    grouped: dict[str, list[StoredChange]] = {}
    for change in changes:
        grouped.setdefault(change[0], []).append(change)
    return grouped


@pytest.mark.parametrize(
    ("times", "expected"),
    [
        (["2026-03-02 10:00:00.000001", "2024-02-29 23:59:59.999999"], True),
        ([], True),
        (["2026-02-29 10:00:00.000001"], False),  # not a leap year
        (["2026-04-31 10:00:00.000001"], False),
        (["2026-13-01 10:00:00.000001"], False),
        (["0000-01-01 10:00:00.000001"], False),
        (["2026-03-02 24:00:00.000001"], False),
        (["2026-03-02 29:00:00.000001"], False),
        (["2026-03-02 30:00:00.000001"], False),
        (["2026-03-02 23:60:00.000001"], False),
        (["2026-03-02 23:00:60.000001"], False),
        (["2026-03-02 10:00:00.000001", "2026-03-02 10:00:00"], False),
        (["2026-03-02 10:00:00.000001", datetime(2026, 3, 2)], False),
        *[([odd], False) for odd in ODD_TIMES],
    ],
)
def test_only_real_times_in_the_stores_form_pass_as_they_are(
    times: list[object], expected: bool
) -> None:
    assert in_stored_form(times) is expected
    if all(isinstance(moment, str) for moment in times):  # in order, as a stored history is
        assert in_stored_form(sorted(times), ordered=True) is expected  # type: ignore[type-var]
    if expected:
        for moment in times:
            assert isinstance(moment, str)
            parsed = datetime.fromisoformat(moment).isoformat(timespec="microseconds")
            assert parsed == moment.replace(" ", "T")


def test_an_older_event_written_later_still_reads_oldest_first(tmp_path: Path) -> None:
    """An import adds earlier events after later ones: the stored history is still in time
    order (the table's own order is used only when it already is)."""
    with Tracker.open(tmp_path / "data", curriculum_dir(), clock=_clock(datetime(2026, 3, 2))) as t:
        for item in ITEMS:
            t.set_status(item, "doing")
        in_time_order = [tuple(row) for row in t.snapshot().history.changes()]  # type: ignore[attr-defined]
    with sqlite3.connect(tmp_path / "data" / "cairn.sqlite3") as raw:
        raw.execute(
            "INSERT INTO status_change (content_id, old_status, new_status, changed_at) "
            "VALUES (?, NULL, 'doing', '2026-01-05 08:00:00.000000')",
            (ITEMS[1],),
        )
    raw.close()
    with Tracker.open(tmp_path / "data", curriculum_dir()) as t:
        snapshot = t.snapshot()
        history = snapshot.history
        assert isinstance(history, StoredHistory)
        changes = list(history.changes())
        assert changes[0] == (ITEMS[1], None, "doing", "2026-01-05 08:00:00.000000")
        assert changes[1:] == in_time_order
        assert {cid: list(entries) for cid, entries in history.items()} == t.all_history()
        assert render_export(snapshot, build_summary(snapshot)) == _plain_text(snapshot)
