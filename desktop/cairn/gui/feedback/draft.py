"""The feedback a mentor is writing in a summary window, held in memory until it is saved.

Never in the summary's throwaway database: comments per item or milestone, the milestones whose
evidence the mentor verified, an overall note and the mentor's name. `changed` names the item
whose comment or verification changed ("" for the note or the name)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from ...reports.importer import ExportData

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """Now as naive UTC, as the feedback file's times are."""
    return datetime.now(UTC).replace(tzinfo=None)


class FeedbackDraft(QObject):
    """Comments, verified milestones, an overall note and the mentor's name, not yet saved
    (or changed since they were saved, to `saved_to`)."""

    changed = Signal(str)  # the item id whose comment or verification changed; "" the note

    def __init__(self, clock: Clock = utc_now, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._comments: dict[str, tuple[str, datetime]] = {}  # id -> (text, last edited)
        self._verified: dict[str, datetime] = {}  # milestone id -> when ticked
        self.note = ""
        self.mentor_name = ""
        self.saved_to: Path | None = None
        self._saved_state = self._state()

    # --- reading ---------------------------------------------------------------------------
    def comment(self, item_id: str) -> str:
        """The comment written on an item ("" when none)."""
        entry = self._comments.get(item_id)
        return entry[0] if entry else ""

    def has_comment(self, item_id: str) -> bool:
        return item_id in self._comments

    def commented_ids(self) -> list[str]:
        return list(self._comments)

    def is_verified(self, item_id: str) -> bool:
        return item_id in self._verified

    def verified_ids(self) -> list[str]:
        return list(self._verified)

    def is_empty(self) -> bool:
        """Nothing written or verified (a name alone is no feedback)."""
        return not (self._comments or self._verified or self.note.strip())

    @property
    def unsaved(self) -> bool:
        """Something differs from what was last saved (from nothing, before a first save)."""
        return self._state() != self._saved_state

    # --- writing ---------------------------------------------------------------------------
    def set_comment(self, item_id: str, text: str) -> None:
        """Keep `text` as the comment on `item_id`; blank text removes the comment."""
        if text == self.comment(item_id):
            return
        if text.strip():
            self._comments[item_id] = (text, self._clock())
        else:
            self._comments.pop(item_id, None)
        self.changed.emit(item_id)

    def set_verified(self, item_id: str, verified: bool) -> None:
        """Mark (or unmark) a milestone's evidence as checked by the mentor."""
        if verified == self.is_verified(item_id):
            return
        if verified:
            self._verified[item_id] = self._clock()
        else:
            del self._verified[item_id]
        self.changed.emit(item_id)

    def set_note(self, text: str) -> None:
        if text != self.note:
            self.note = text
            self.changed.emit("")

    def set_mentor_name(self, name: str) -> None:
        if name != self.mentor_name:
            self.mentor_name = name
            self.changed.emit("")

    def mark_saved(self, target: Path) -> None:
        """What is here now was written to `target`."""
        self.saved_to = target
        self._saved_state = self._state()
        self.changed.emit("")

    # --- the file ----------------------------------------------------------------------------
    def payload(self, summary: ExportData, written_at: datetime) -> dict[str, Any]:
        """The feedback file's content answering `summary` (docs/mentor-loop.md)."""
        from ...reports.feedback import feedback_payload  # only when the mentor saves

        return feedback_payload(
            written_at=written_at,
            learner_id=summary.learner_id,
            learner_name=summary.learner_name,
            answers_exported_at=summary.exported_at,
            answers_file=summary.path.name,
            mentor_name=self.mentor_name.strip(),
            note=self.note if self.note.strip() else "",
            comments=[(i, text, at) for i, (text, at) in self._comments.items()],
            verified=list(self._verified.items()),
        )

    def _state(self) -> tuple[object, ...]:
        """What a saved file would say, without times (the name counts only with feedback)."""
        content = (
            tuple(sorted((i, text) for i, (text, _at) in self._comments.items())),
            tuple(sorted(self._verified)),
            self.note.strip(),
        )
        if not any(content):
            return ("",)
        return (*content, self.mentor_name.strip())
