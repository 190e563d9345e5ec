"""Changing an item's status as an undoable operation ("Undo Mark done")."""

from __future__ import annotations

from ...progress import STATUS_LABELS
from ...tracker import Change, Tracker
from ..operations import Operation


def status_operation(tracker: Tracker, item_id: str, status: str) -> Operation:
    """Mark one item; undo puts back the status the database had (not what a view showed)."""
    first: list[Change] = []

    def apply() -> Change:
        change = tracker.set_status(item_id, status)
        first.append(change)
        return change

    def revert(_last: Change) -> Change:
        return tracker.set_status(item_id, str(first[0].old))

    return Operation(
        f"Mark {STATUS_LABELS[status].lower()}",
        apply,
        revert,
        lambda _undone: tracker.set_status(item_id, status),
    )
