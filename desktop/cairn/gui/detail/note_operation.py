"""Saving a note (its text or its privacy) as an undoable operation."""

from __future__ import annotations

from ...tracker import Change, Tracker
from ..operations import Operation

NoteValue = tuple[str, bool]  # (body, private), as the tracker's note Change carries it


def note_name(old: NoteValue, new: NoteValue) -> str:
    """What Edit → Undo calls this save: the privacy alone, or an edit of the text."""
    if old[0] == new[0] and old[1] != new[1]:
        return "Make note private" if new[1] else "Make note shareable"
    return "Edit note"


def note_operation(
    tracker: Tracker, item_id: str, body: str, private: bool, old: NoteValue
) -> Operation:
    """Save the note; undo puts back the note the database had before this save (the tracker
    reads it inside its write and returns it), redo saves this text again."""
    first: list[Change] = []

    def apply() -> Change:
        change = tracker.set_note(item_id, body, private)
        first.append(change)
        return change

    def revert(_last: Change) -> Change:
        before_body, before_private = first[0].old
        return tracker.set_note(item_id, before_body, before_private)

    return Operation(
        note_name(old, (body, private)),
        apply,
        revert,
        lambda _undone: tracker.set_note(item_id, body, private),
        failed="saved",
        stamp=lambda: stored_note(tracker, item_id),
    )


def stored_note(tracker: Tracker, item_id: str) -> NoteValue:
    """The note as the file holds it now ("" and not private when there is none)."""
    note = tracker.note(item_id)
    return (note.body, note.private) if note else ("", False)
