"""Changing statuses as one undoable operation ("Undo Mark done", "Undo Mark 3 items done")."""

from __future__ import annotations

from collections.abc import Sequence

from ...progress import STATUS_LABELS
from ...tracker import Change, Tracker
from ..operations import Operation


def status_operation(tracker: Tracker, item_id: str, status: str) -> Operation:
    """Mark one item; undo puts back the status the database had (not what a view showed)."""
    return statuses_operation(tracker, [item_id], status)


def statuses_operation(tracker: Tracker, item_ids: Sequence[str], status: str) -> Operation:
    """Mark several items in one transaction; undo puts back each item's own old status."""
    first: list[Change] = []

    def apply() -> Change:
        change = tracker.set_statuses(dict.fromkeys(item_ids, status))
        first.append(change)
        return change

    def revert(_last: Change) -> Change:
        change = first[0]
        return tracker.set_statuses(dict(zip(change.ids, change.old, strict=True)))

    def stored() -> tuple[str, ...]:
        """The items' statuses as the file holds them now."""
        return tracker.stored_status_of(first[0].ids)

    label = STATUS_LABELS[status].lower()
    count = len(dict.fromkeys(item_ids))
    return Operation(
        f"Mark {label}" if count == 1 else f"Mark {count} items {label}",
        apply,
        revert,
        lambda _undone: tracker.set_statuses(dict.fromkeys(item_ids, status)),
        stamp=stored,
    )
