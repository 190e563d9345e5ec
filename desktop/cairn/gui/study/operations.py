"""Study time, the study timer, the plan and evidence links as undoable operations.

Each builder returns an `Operation` for `Operations.run`: undo puts back what the tracker's
Change says the database held before (the removed record, the timer as it was), never what a
view shows; redo makes the change again and the next undo follows what that redo returned.

A session or evidence link put back by an undo is recorded again under a new row id, so the
history never names such a row by its id: every step that touches the same row shares one
`Row`, which follows the row through every id the database gives it. (Naming the id once
broke older steps: add a link, remove it, undo both — the second undo said "there is no
evidence link 1" and the history could go no further back.)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from weakref import WeakKeyDictionary

from ...records import EvidenceRecord, SessionRecord
from ...tracker import Change, TimerStep, Tracker
from ..operations import Operation

SESSION = "session"
EVIDENCE = "evidence"


@dataclass(eq=False)
class Row:
    """One recorded session or evidence link as the undo history knows it; `id` is the row
    id it has in the database now (it changes when an undo records the row again)."""

    id: int


class Rows:
    """The rows of one tracker that undo steps refer to, by kind and current id."""

    def __init__(self) -> None:
        self._live: dict[tuple[str, int], Row] = {}

    def of(self, kind: str, row_id: int) -> Row:
        """The row with this id now (shared with every step that knows it)."""
        return self._live.setdefault((kind, row_id), Row(row_id))

    def recorded(self, kind: str, row: Row | None, row_id: int) -> Row:
        """`row` (or a new one) was recorded under `row_id`."""
        row = row or Row(row_id)
        row.id = row_id
        self._live[(kind, row_id)] = row
        return row

    def removed(self, kind: str, row: Row) -> None:
        """`row` is gone (its id may be given to another row)."""
        if self._live.get((kind, row.id)) is row:
            del self._live[(kind, row.id)]


_ROWS: WeakKeyDictionary[Tracker, Rows] = WeakKeyDictionary()


def rows_of(tracker: Tracker) -> Rows:
    """The rows the undo history of `tracker` refers to."""
    return _ROWS.setdefault(tracker, Rows())


def _log_again(tracker: Tracker, record: SessionRecord, row: Row) -> Change:
    """Record a removed session again, as it was (a new row id, followed by `row`)."""
    change = tracker.log_study(
        record.content_id, record.minutes, started_at=record.started_at, source=record.source
    )
    rows_of(tracker).recorded(SESSION, row, change.new.id)
    return change


def _link_again(tracker: Tracker, record: EvidenceRecord, row: Row) -> Change:
    """Attach a removed evidence link again with its own time (a new row id, followed by
    `row`)."""
    change = tracker.add_evidence(record.content_id, record.url, added_at=record.added_at)
    rows_of(tracker).recorded(EVIDENCE, row, change.new.id)
    return change


def _remove_study(tracker: Tracker, row: Row) -> Change:
    change = tracker.remove_study(row.id)
    rows_of(tracker).removed(SESSION, row)
    return change


def _remove_evidence(tracker: Tracker, row: Row) -> Change:
    change = tracker.remove_evidence(row.id)
    rows_of(tracker).removed(EVIDENCE, row)
    return change


def log_study_operation(
    tracker: Tracker, item_id: str, minutes: int, started_at: datetime
) -> Operation:
    """ "Add study time": undo removes the recorded session, redo records it again."""
    row = Row(0)

    def log() -> Change:
        change = tracker.log_study(item_id, minutes, started_at=started_at)
        rows_of(tracker).recorded(SESSION, row, change.new.id)
        return change

    return Operation(
        "Add study time",
        log,
        lambda _last: _remove_study(tracker, row),
        lambda undone: _log_again(tracker, undone.old, row),
        failed="added",
        stamp=lambda: session_as_stored(tracker, row),
    )


def edit_study_operation(
    tracker: Tracker, session_id: int, minutes: int, started_at: datetime
) -> Operation:
    """ "Edit study session": undo puts back the minutes and start the database held."""
    row = rows_of(tracker).of(SESSION, session_id)
    return Operation(
        "Edit study session",
        lambda: tracker.edit_study(row.id, minutes, started_at),
        lambda last: tracker.edit_study(row.id, last.old.minutes, last.old.started_at),
        lambda undone: tracker.edit_study(row.id, undone.old.minutes, undone.old.started_at),
        failed="changed",
        stamp=lambda: session_as_stored(tracker, row),
    )


def remove_study_operation(tracker: Tracker, session_id: int) -> Operation:
    """ "Delete study session": undo records the removed session again."""
    row = rows_of(tracker).of(SESSION, session_id)
    return Operation(
        "Delete study session",
        lambda: _remove_study(tracker, row),
        lambda last: _log_again(tracker, last.old, row),
        lambda _undone: _remove_study(tracker, row),
        failed="deleted",
        stamp=lambda: session_as_stored(tracker, row),
    )


def timer_operation(
    tracker: Tracker, name: str, apply: Callable[[], Change], failed: str
) -> Operation:
    """A timer action named `name`; undo and redo put the timer (and the session it recorded)
    back as the Change says, whichever way they go."""
    row = Row(0)

    def follow(change: Change) -> Change:
        """Keep `row` on the session this step recorded or removed."""
        if change.old.session is not None:
            rows_of(tracker).removed(SESSION, row)
        if change.new.session is not None:
            rows_of(tracker).recorded(SESSION, row, change.new.session.id)
        return change

    def restore(last: Change) -> Change:
        current: TimerStep = last.new
        if current.session is not None:  # the session as it is stored now
            current = replace(current, session=replace(current.session, id=row.id))
        return follow(tracker.restore_timer(last.old, current))

    return Operation(
        name,
        lambda: follow(apply()),
        restore,
        restore,
        failed=failed,
        stamp=lambda: (tracker.setting("study_timer"), session_as_stored(tracker, row)),
    )


def plan_operation(tracker: Tracker, start: date, hours_per_week: float) -> Operation:
    """ "Save plan": undo puts back the plan the database held, or no plan at all."""
    first: list[Change] = []

    def save() -> Change:
        first.append(tracker.set_plan(start, hours_per_week))
        return first[0]

    return Operation(
        "Save plan",
        save,
        lambda _last: tracker.set_setting("plan", first[0].old),
        lambda _undone: tracker.set_setting("plan", first[0].new),
        failed="saved",
        stamp=lambda: tracker.setting("plan"),
    )


def add_evidence_operation(tracker: Tracker, item_id: str, url: str) -> Operation:
    """ "Add evidence link": undo removes the link added, redo adds it again."""
    row = Row(0)

    def add() -> Change:
        change = tracker.add_evidence(item_id, url)
        rows_of(tracker).recorded(EVIDENCE, row, change.new.id)
        return change

    return Operation(
        "Add evidence link",
        add,
        lambda _last: _remove_evidence(tracker, row),
        lambda undone: _link_again(tracker, undone.old, row),
        failed="added",
        stamp=lambda: link_as_stored(tracker, row),
    )


def remove_evidence_operation(tracker: Tracker, evidence_id: int) -> Operation:
    """ "Remove evidence link": undo puts the same link back (same URL, same time added)."""
    row = rows_of(tracker).of(EVIDENCE, evidence_id)
    return Operation(
        "Remove evidence link",
        lambda: _remove_evidence(tracker, row),
        lambda last: _link_again(tracker, last.old, row),
        lambda _undone: _remove_evidence(tracker, row),
        failed="removed",
        stamp=lambda: link_as_stored(tracker, row),
    )


def session_as_stored(tracker: Tracker, row: Row) -> tuple[object, ...] | None:
    """The session this step touches as the file holds it now (None once it is gone); its
    row id is left out, since an undo may record it again under another."""
    x = tracker.session(row.id)
    return None if x is None else (x.content_id, x.started_at.isoformat(), x.minutes, x.source)


def link_as_stored(tracker: Tracker, row: Row) -> tuple[str, str, str] | None:
    """The evidence link this step touches as the file holds it now (None once it is gone)."""
    e = tracker.evidence_link(row.id)
    return None if e is None else (e.content_id, e.url, e.added_at.isoformat())
