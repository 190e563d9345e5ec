"""Every write reads the old value inside its own transaction: the Change carries what the
database held (even what another process wrote after this tracker last read), never a cached or
separately read copy; undoing a timer stop is one transaction, all of it or none."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from cairn.records import EvidenceRecord, SessionRecord
from cairn.store import StoreError, writes
from cairn.tracker import TimerStep, Tracker, TrackerError
from clocks import Clock

START = datetime(2026, 3, 2, 9, 0)


@pytest.fixture
def clock() -> Clock:
    return Clock(START)


@pytest.fixture
def tracker(data_dir: Path, small_pack: Path, clock: Clock) -> Iterator[Tracker]:
    """A tracker on the test's clock."""
    with Tracker.open(data_dir, small_pack, clock=clock) as t:
        yield t


@pytest.fixture
def pair(data_dir: Path, small_pack: Path, clock: Clock) -> Iterator[tuple[Tracker, Tracker]]:
    """The window's tracker and a terminal's, on the same data folder."""
    with (
        Tracker.open(data_dir, small_pack, clock=clock) as window,
        Tracker.open(data_dir, small_pack, clock=clock) as terminal,
    ):
        yield window, terminal


def _no_reads_before_writing(tracker: Tracker, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every separate read of what a write changes fail loudly."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the old value was read outside the write's transaction")

    for read in ("reading_statuses", "reading_copies", "evidence", "evidence_ids", "sessions"):
        monkeypatch.setattr(tracker._database, read, refuse)


def _transactions(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Count every write transaction opened from now on."""
    opened: list[object] = []
    real = writes.transaction

    def counted(engine: object) -> object:
        opened.append(engine)
        return real(engine)  # type: ignore[arg-type]

    monkeypatch.setattr(writes, "transaction", counted)
    return opened


def test_a_reading_status_change_carries_what_another_process_stored(
    pair: tuple[Tracker, Tracker], monkeypatch: pytest.MonkeyPatch
) -> None:
    window, terminal = pair
    terminal.set_reading_status("guide", "read")  # the window still shows it unread
    _no_reads_before_writing(window, monkeypatch)
    opened = _transactions(monkeypatch)
    change = window.set_reading_status("guide", "reading")
    assert (change.old, change.new) == ("read", "reading") and len(opened) == 1
    assert window.reading_status("guide") == "reading"
    assert terminal._database.reading_statuses() == {"guide": "reading"}


def test_an_offline_copy_change_carries_the_path_another_process_attached(
    pair: tuple[Tracker, Tracker], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, terminal = pair
    saved = tmp_path / "guide.pdf"
    saved.write_bytes(b"%PDF-1.4")
    terminal.set_reading_copy("guide", saved)
    _no_reads_before_writing(window, monkeypatch)
    opened = _transactions(monkeypatch)
    change = window.set_reading_copy("guide", None)
    assert (change.old, change.new) == (str(saved.resolve()), None) and len(opened) == 1
    assert terminal.reading_copies() == {} and saved.is_file()  # the learner's file stays


def test_a_removed_evidence_link_is_the_record_the_database_held(
    pair: tuple[Tracker, Tracker], monkeypatch: pytest.MonkeyPatch
) -> None:
    window, terminal = pair
    added = terminal.add_evidence("demo-start", "https://example.org/demo").new
    window.reload()
    assert window.has_evidence("demo-start")
    _no_reads_before_writing(window, monkeypatch)
    opened = _transactions(monkeypatch)
    change = window.remove_evidence(added.id)
    assert change.old == EvidenceRecord(added.id, "demo-start", added.url, added.added_at)
    assert change.ids == ("demo-start",) and len(opened) == 1
    assert not window.has_evidence("demo-start")  # the copy follows what the write said
    with pytest.raises(TrackerError, match=f"no evidence link {added.id}"):
        window.remove_evidence(added.id)


def test_removing_one_of_two_links_keeps_the_milestone_proven(tracker: Tracker) -> None:
    first = tracker.add_evidence("demo-start", "https://example.org/1").new
    tracker.add_evidence("demo-start", "https://example.org/2")
    assert tracker.remove_evidence(first.id).old == first
    assert tracker.has_evidence("demo-start")


def test_a_removed_session_is_the_record_the_database_held(
    pair: tuple[Tracker, Tracker], monkeypatch: pytest.MonkeyPatch
) -> None:
    window, terminal = pair
    logged = terminal.log_study("write-hello", 25).new
    edited = terminal.edit_study(logged.id, 40, logged.started_at).new  # after the window read
    _no_reads_before_writing(window, monkeypatch)
    opened = _transactions(monkeypatch)
    change = window.remove_study(logged.id)
    assert change.old == edited and change.old.minutes == 40 and len(opened) == 1
    assert terminal._database.sessions() == []
    with pytest.raises(TrackerError, match=f"no study session {logged.id}"):
        window.remove_study(logged.id)


def test_an_edited_session_carries_the_record_before_as_the_database_held_it(
    pair: tuple[Tracker, Tracker], clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, terminal = pair
    logged = window.log_study("write-hello", 25).new
    terminal.edit_study(logged.id, 30, logged.started_at)  # changed in another process
    _no_reads_before_writing(window, monkeypatch)
    opened = _transactions(monkeypatch)
    later = logged.started_at + timedelta(minutes=5)
    change = window.edit_study(logged.id, 45, later)
    assert change.old == SessionRecord(logged.id, "write-hello", logged.started_at, 30, "manual")
    assert change.new == SessionRecord(logged.id, "write-hello", later, 45, "manual")
    assert len(opened) == 1
    with pytest.raises(TrackerError, match="no study session 999"):
        window.edit_study(999, 10, later)


# --- undoing a timer stop: one transaction ----------------------------------------------------
def _stopped_after(tracker: Tracker, clock: Clock, minutes: int) -> tuple[TimerStep, TimerStep]:
    """Start a timer on an item, let `minutes` pass, stop it: the stop's (old, new) steps."""
    tracker.start_timer("write-hello")
    clock.now += timedelta(minutes=minutes)
    stop = tracker.stop_timer()
    return stop.old, stop.new


def _as_stored(tracker: Tracker) -> tuple[object, list[SessionRecord]]:
    """The timer setting and the sessions as the file holds them (fresh reads)."""
    return tracker.setting("study_timer"), tracker.sessions()


def test_undoing_a_stop_puts_the_timer_back_and_removes_its_session_in_one_write(
    tracker: Tracker, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    before, after = _stopped_after(tracker, clock, 20)
    assert after.session is not None and after.session.minutes == 20
    opened = _transactions(monkeypatch)
    undo = tracker.restore_timer(before, after)
    assert len(opened) == 1
    assert tracker.timer() is not None and tracker.sessions() == []
    assert undo.old == TimerStep(None, after.session)  # read inside: the session it removed
    redo = tracker.restore_timer(undo.old, undo.new)
    assert tracker.timer() is None and [s.minutes for s in tracker.sessions()] == [20]
    assert redo.new.session == tracker.sessions()[0] and len(opened) == 2


def test_an_undo_whose_session_another_process_removed_says_so(
    pair: tuple[Tracker, Tracker], clock: Clock
) -> None:
    window, terminal = pair
    before, after = _stopped_after(window, clock, 20)
    assert after.session is not None
    terminal.remove_study(after.session.id)
    undo = window.restore_timer(before, after)
    assert undo.old == TimerStep(None, None)  # nothing to put back on redo: it was gone
    assert window.timer() is not None and window.sessions() == []


def test_an_undo_never_removes_another_session_that_took_the_freed_id(
    pair: tuple[Tracker, Tracker], clock: Clock
) -> None:
    window, terminal = pair
    before, after = _stopped_after(window, clock, 20)
    assert after.session is not None
    terminal.remove_study(after.session.id)
    other = terminal.log_study("guide", 35).new
    assert other.id != after.session.id  # ids are never reused (schema 0004)
    undo = window.restore_timer(before, after)
    assert undo.old.session is None and window.sessions() == [other]  # the reading's stays
    assert window.timer() is not None


def _full_disk_at(monkeypatch: pytest.MonkeyPatch, step: str) -> None:
    """Make one step of the timer write fail as SQLite does when the disk is full."""

    def full(*_args: object, **_kwargs: object) -> None:
        error = sqlite3.OperationalError("database or disk is full")
        error.sqlite_errorcode = 13  # type: ignore[attr-defined]  # SQLITE_FULL
        raise error

    monkeypatch.setattr(writes, step, full)


@pytest.mark.parametrize("step", ["_put_setting", "_remove_session"])
def test_an_undone_stop_that_fails_part_way_changes_nothing(
    tracker: Tracker, clock: Clock, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    before, after = _stopped_after(tracker, clock, 20)
    stored = _as_stored(tracker)
    with monkeypatch.context() as patch:
        _full_disk_at(patch, step)
        with pytest.raises(StoreError, match="disk is full"):
            tracker.restore_timer(before, after)
    assert _as_stored(tracker) == stored  # both the timer and the sessions as they were
    assert tracker.timer() is None and [s.minutes for s in tracker.sessions()] == [20]


@pytest.mark.parametrize("step", ["_put_setting", "_remove_session"])
def test_a_restore_that_adds_and_removes_is_all_or_nothing(
    tracker: Tracker, clock: Clock, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    """A session recorded again at the first statement is rolled back by a later failure."""
    old = tracker.log_study("write-hello", 15).new
    running = tracker.start_timer("guide").new
    clock.now += timedelta(minutes=1)
    again = SessionRecord(0, "write-hello", START - timedelta(hours=2), 30, "timer")
    stored = _as_stored(tracker)
    with monkeypatch.context() as patch:
        _full_disk_at(patch, step)
        with pytest.raises(StoreError):
            tracker.restore_timer(TimerStep(None, again), TimerStep(running.setting, old))
    assert _as_stored(tracker) == stored
    done = tracker.restore_timer(TimerStep(None, again), TimerStep(running.setting, old))
    assert tracker.timer() is None and [s.minutes for s in tracker.sessions()] == [30]
    assert done.old == TimerStep(running.setting, old)


def test_a_restore_with_a_bad_session_is_refused_before_writing(
    tracker: Tracker, clock: Clock
) -> None:
    bad = SessionRecord(0, "no-such-item", START, 30, "timer")
    with pytest.raises(TrackerError, match="no-such-item"):
        tracker.restore_timer(TimerStep(None, bad), TimerStep(None))
    with pytest.raises(TrackerError, match="not a timer"):
        tracker.restore_timer(TimerStep({"nothing": 1}), TimerStep(None))
    assert _as_stored(tracker) == (None, [])
