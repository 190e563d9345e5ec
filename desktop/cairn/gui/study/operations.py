"""Study time, the study timer, the plan and evidence links as undoable operations.

Each builder returns an `Operation` for `Operations.run`: undo puts back what the tracker's
Change says the database held before (the removed record, the timer as it was), never what a
view shows; redo makes the change again and the next undo follows what that redo returned.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from ...records import EvidenceRecord, SessionRecord
from ...tracker import Change, Tracker
from ..operations import Operation


def _log_again(tracker: Tracker, record: SessionRecord) -> Change:
    """Record a removed session again, as it was (a new row id)."""
    return tracker.log_study(
        record.content_id, record.minutes, started_at=record.started_at, source=record.source
    )


def _link_again(tracker: Tracker, record: EvidenceRecord) -> Change:
    """Attach a removed evidence link again with its own time (a new row id)."""
    return tracker.add_evidence(record.content_id, record.url, added_at=record.added_at)


def log_study_operation(
    tracker: Tracker, item_id: str, minutes: int, started_at: datetime
) -> Operation:
    """ "Add study time": undo removes the recorded session, redo records it again."""
    return Operation(
        "Add study time",
        lambda: tracker.log_study(item_id, minutes, started_at=started_at),
        lambda last: tracker.remove_study(last.new.id),
        lambda undone: _log_again(tracker, undone.old),
        failed="added",
    )


def edit_study_operation(
    tracker: Tracker, session_id: int, minutes: int, started_at: datetime
) -> Operation:
    """ "Edit study session": undo puts back the minutes and start the database held."""
    return Operation(
        "Edit study session",
        lambda: tracker.edit_study(session_id, minutes, started_at),
        lambda last: tracker.edit_study(last.new.id, last.old.minutes, last.old.started_at),
        lambda undone: tracker.edit_study(undone.new.id, undone.old.minutes, undone.old.started_at),
        failed="changed",
    )


def remove_study_operation(tracker: Tracker, session_id: int) -> Operation:
    """ "Delete study session": undo records the removed session again."""
    return Operation(
        "Delete study session",
        lambda: tracker.remove_study(session_id),
        lambda last: _log_again(tracker, last.old),
        lambda undone: tracker.remove_study(undone.new.id),
        failed="deleted",
    )


def timer_operation(
    tracker: Tracker, name: str, apply: Callable[[], Change], failed: str
) -> Operation:
    """A timer action named `name`; undo and redo put the timer (and the session it recorded)
    back as the Change says, whichever way they go."""
    return Operation(
        name,
        apply,
        lambda last: tracker.restore_timer(last.old, last.new),
        lambda undone: tracker.restore_timer(undone.old, undone.new),
        failed=failed,
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
    )


def add_evidence_operation(tracker: Tracker, item_id: str, url: str) -> Operation:
    """ "Add evidence link": undo removes the link added, redo adds it again."""
    return Operation(
        "Add evidence link",
        lambda: tracker.add_evidence(item_id, url),
        lambda last: tracker.remove_evidence(last.new.id),
        lambda undone: _link_again(tracker, undone.old),
        failed="added",
    )


def remove_evidence_operation(tracker: Tracker, evidence_id: int) -> Operation:
    """ "Remove evidence link": undo puts the same link back (same URL, same time added)."""
    return Operation(
        "Remove evidence link",
        lambda: tracker.remove_evidence(evidence_id),
        lambda last: _link_again(tracker, last.old),
        lambda undone: tracker.remove_evidence(undone.new.id),
        failed="removed",
    )
