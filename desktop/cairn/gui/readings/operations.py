"""Reading status and offline copies as undoable operations ("Undo Mark reading read")."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ...progress import READING_LABELS
from ...tracker import Change, Tracker
from ..operations import Operation
from ..reversible import reversible


def reading_status_operation(tracker: Tracker, reading_id: str, status: str) -> Operation:
    """Mark a reading; undo puts back the status the database held."""
    return reversible(
        QCoreApplication.translate("ReadingDetail", "Mark reading {status}").format(
            status=READING_LABELS[status].lower()
        ),
        lambda: tracker.set_reading_status(reading_id, status),
        lambda stored: tracker.set_reading_status(reading_id, str(stored)),
        read=lambda: stored_reading_status(tracker, reading_id),
    )


def stored_reading_status(tracker: Tracker, reading_id: str) -> str:
    """The reading's status as the file holds it now."""
    record = tracker.reading_records().get(reading_id)
    return record.status if record else "unread"


def reading_copy_operation(tracker: Tracker, reading_id: str, path: Path | None) -> Operation:
    """Attach a saved copy (None removes it). Cairn keeps only the path to the learner's own
    file and never deletes it, so undo simply puts back the path that was stored (even if
    that file has been moved since: the reading then shows its copy as missing)."""

    def put_back(stored: object) -> Change:
        return tracker.set_reading_copy(
            reading_id, str(stored) if stored else None, must_exist=False
        )

    return reversible(
        QCoreApplication.translate("ReadingDetail", "Attach offline copy")
        if path
        else QCoreApplication.translate("ReadingDetail", "Remove offline copy"),
        lambda: tracker.set_reading_copy(reading_id, path),
        put_back,
        failed=QCoreApplication.translate("ReadingDetail", "attached")
        if path
        else QCoreApplication.translate("ReadingDetail", "removed"),
        read=lambda: tracker.reading_copies().get(reading_id),
    )
