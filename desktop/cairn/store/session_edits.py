"""Editing one recorded study session in place: one transaction that reads the row as it was
and changes it, so the caller learns exactly what the database held before (for undo).

Kept beside `writes.py` (not in it) while other changes to that file are under way; it uses the
same transaction helper and the same write guard as every other write.
"""

from __future__ import annotations

from datetime import datetime

from .database import Database, SessionRecord, _guarded
from .models import StudySession
from .writes import transaction


def _record(row: StudySession) -> SessionRecord:
    return SessionRecord(row.id, row.content_id, row.started_at, row.minutes, row.source)


@_guarded
def edit_session(
    database: Database, session_id: int, minutes: int, started_at: datetime
) -> tuple[SessionRecord, SessionRecord] | None:
    """Change a session's minutes and start; return (before, after), or None if there is no
    such session (nothing changed)."""
    with transaction(database.engine) as session:
        row = session.get(StudySession, session_id)
        if row is None:
            return None
        before = _record(row)
        row.minutes, row.started_at = minutes, started_at
        session.flush()
        return before, _record(row)
