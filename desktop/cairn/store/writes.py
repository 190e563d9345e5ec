"""Every change to the learner's data: one ORM transaction each."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, func, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session

from ..records import EvidenceRecord, SessionRecord
from .models import (
    Choice,
    Evidence,
    ItemState,
    MentorComment,
    Note,
    ReadingCopy,
    ReadingState,
    Setting,
    StatusChange,
    StudySession,
    Verification,
)


@contextmanager
def transaction(engine: Engine | Connection) -> Iterator[Session]:
    """A session whose work commits together on success and rolls back on any error (on a
    connection already inside a transaction, it joins that one)."""
    with Session(engine) as session, session.begin():
        yield session


def set_status(
    engine: Engine, content_id: str, status: str, at: datetime, absent: str | None = None
) -> str | None:
    """Write `status` unless the database already holds it; return what it held (`absent`
    for an item with no row: 'todo', or a status carried over from an old id). The old value
    is read inside the write transaction, so what another process wrote is never ignored."""
    with transaction(engine) as session:
        return _set_one(session, content_id, status, at, absent)


def set_statuses(
    engine: Engine, wanted: dict[str, tuple[str, str]], at: datetime
) -> dict[str, str | None]:
    """Several statuses in one transaction: `wanted` maps an item to (status, absent); returns
    what the database held for each (see set_status)."""
    with transaction(engine) as session:
        return {
            content_id: _set_one(session, content_id, status, at, absent)
            for content_id, (status, absent) in wanted.items()
        }


def _set_one(
    session: Session, content_id: str, status: str, at: datetime, absent: str | None
) -> str | None:
    state = session.get(ItemState, content_id)
    old = state.status if state else None
    if (old if state else absent) == status:
        return status
    if state is None:
        session.add(ItemState(content_id=content_id, status=status, updated_at=at))
        session.flush()
    else:
        state.status = status
        state.updated_at = at
    session.add(
        StatusChange(content_id=content_id, old_status=old, new_status=status, changed_at=at)
    )
    return old if state else absent


def set_note(
    engine: Engine, content_id: str, body: str, private: bool | None, at: datetime
) -> tuple[str, bool]:
    """Replace the note (an empty body deletes it; `private` None keeps the stored choice);
    return the (body, private) the database held, read inside the same transaction."""
    with transaction(engine) as session:
        row = session.get(Note, content_id)
        old = (row.body, bool(row.private)) if row is not None else ("", False)
        keep = old[1] if private is None and row is not None else bool(private)
        if not body.strip():
            if row is not None:
                session.delete(row)
        elif row is None:
            session.add(Note(content_id=content_id, body=body, private=keep, updated_at=at))
        elif (row.body, bool(row.private)) != (body, keep):
            row.body, row.private, row.updated_at = body, keep, at
        return old


def add_evidence(engine: Engine, content_id: str, url: str, at: datetime) -> int:
    with transaction(engine) as session:
        row = Evidence(content_id=content_id, url=url, added_at=at)
        session.add(row)
        session.flush()
        return row.id


def remove_evidence(engine: Engine, evidence_id: int) -> tuple[EvidenceRecord, bool] | None:
    """Delete one evidence link; return the record as the database held it and whether its
    milestone still has another link (both read in the same transaction), or None when there
    is no such link (nothing changed)."""
    with transaction(engine) as session:
        row = session.get(Evidence, evidence_id)
        if row is None:
            return None
        removed = EvidenceRecord(row.id, row.content_id, row.url, row.added_at)
        session.execute(delete(Evidence).where(Evidence.id == evidence_id))
        left = session.scalar(
            select(func.count()).select_from(Evidence).where(Evidence.content_id == row.content_id)
        )
        return removed, bool(left)


def set_settings(engine: Engine, values: Mapping[str, str | None]) -> dict[str, str | None]:
    """Write several settings (JSON text; None removes one) in one transaction; return the text
    each one held before (None: it was not set), read inside the same transaction."""
    with transaction(engine) as session:
        return {key: _put_setting(session, key, text) for key, text in values.items()}


def set_reading_status(engine: Engine, content_id: str, status: str, at: datetime) -> str:
    """'unread' removes the row; 'reading' and 'read' are stored. Returns the status the
    database held ('unread': no row), read in the same transaction; an equal status is not
    written again."""
    with transaction(engine) as session:
        row = session.get(ReadingState, content_id)
        old = row.status if row is not None else "unread"
        if old == status:
            return old
        if row is None:
            session.add(ReadingState(content_id=content_id, status=status, updated_at=at))
        elif status == "unread":
            session.delete(row)
        else:
            row.status, row.updated_at = status, at
        return old


def set_choice(
    engine: Engine, group_id: str, options: tuple[str, ...], at: datetime
) -> tuple[str, ...]:
    """Store the options chosen in a group; none opens the choice again and is kept as a row
    with its time, so an older export cannot bring the old choice back. Returns the options the
    database held, read in the same transaction. An equal choice is not written again."""
    with transaction(engine) as session:
        row = session.get(Choice, group_id)
        old = tuple(json.loads(row.options)) if row is not None else ()
        if old == options:
            return old
        if row is None:
            session.add(Choice(group_id=group_id, options=json.dumps(list(options)), updated_at=at))
        else:
            row.options, row.updated_at = json.dumps(list(options)), at
        return old


def apply_import(engine: Engine | Connection, plan: Any) -> None:
    """Write a whole import plan in one transaction: all of it, or (on any error) none.

    Rows are written in bulk (one statement per table), so a plan of 100,000 rows takes about
    a second: statuses, notes, readings and settings replace the row with the same id."""
    from sqlalchemy.dialects.sqlite import insert

    def upsert(model: Any, key: str, rows: list[dict[str, Any]]) -> None:
        """Insert or replace by id; a row with a time is replaced only by a newer one, so a
        change made here while the import was being planned is never overwritten."""
        if rows:
            table = model.__table__
            statement = insert(table)
            newer = (
                table.c.updated_at < statement.excluded.updated_at
                if "updated_at" in table.c
                else None
            )
            statement = statement.on_conflict_do_update(
                index_elements=[key],
                where=newer,
                set_={name: statement.excluded[name] for name in rows[0] if name != key},
            )
            connection.execute(statement, rows)

    def add(model: Any, rows: list[dict[str, Any]]) -> None:
        if rows:
            connection.execute(insert(model.__table__), rows)

    with transaction(engine) as session:
        connection = session.connection()
        upsert(
            ItemState,
            "content_id",
            [
                {"content_id": cid, "status": status, "updated_at": at}
                for cid, status, at in plan.statuses
            ],
        )
        add(
            StatusChange,
            [
                {"content_id": cid, "old_status": old, "new_status": new, "changed_at": at}
                for cid, old, new, at in plan.history
            ],
        )
        upsert(
            Note,
            "content_id",
            [
                {"content_id": cid, "body": body, "private": private, "updated_at": at}
                for cid, body, private, at in plan.notes
            ],
        )
        add(
            Evidence,
            [{"content_id": cid, "url": url, "added_at": at} for cid, url, at in plan.evidence],
        )
        unread = [{"cid": cid, "at": at} for cid, status, at in plan.readings if status == "unread"]
        if unread:
            connection.execute(
                delete(ReadingState).where(
                    ReadingState.content_id == bindparam("cid"),
                    ReadingState.updated_at < bindparam("at"),
                ),
                unread,
            )
        upsert(
            Choice,
            "group_id",
            [
                {"group_id": group, "options": json.dumps(list(options)), "updated_at": at}
                for group, options, at in plan.choices
            ],
        )
        upsert(
            ReadingState,
            "content_id",
            [
                {"content_id": cid, "status": status, "updated_at": at}
                for cid, status, at in plan.readings
                if status != "unread"
            ],
        )
        add(
            StudySession,
            [
                {"content_id": cid, "started_at": at, "minutes": minutes, "source": source}
                for cid, at, minutes, source in plan.sessions
            ],
        )
        upsert(
            Setting,
            "key",
            [{"key": key, "value": json.dumps(value)} for key, value in plan.settings.items()],
        )
        add(
            MentorComment,
            [
                {
                    "content_id": cid,
                    "body": body,
                    "mentor": mentor,
                    "written_at": written,
                    "received_at": received,
                }
                for cid, body, mentor, written, received in getattr(plan, "comments", ())
            ],
        )
        if getattr(plan, "verified", ()):  # the first verification of a milestone is kept
            connection.execute(
                insert(Verification).on_conflict_do_nothing(),
                [
                    {"content_id": cid, "verified_at": at, "mentor": mentor}
                    for cid, at, mentor in plan.verified
                ],
            )


def add_session(
    engine: Engine, content_id: str, started_at: datetime, minutes: int, source: str
) -> int:
    """Record one study session; return its id."""
    with transaction(engine) as session:
        return _add_session(session, content_id, started_at, minutes, source).id


def _add_session(
    session: Session, content_id: str, started_at: datetime, minutes: int, source: str
) -> SessionRecord:
    row = StudySession(content_id=content_id, started_at=started_at, minutes=minutes, source=source)
    session.add(row)
    session.flush()
    return session_record(row)


def session_record(row: StudySession) -> SessionRecord:
    """The frozen value of a study-session row."""
    return SessionRecord(row.id, row.content_id, row.started_at, row.minutes, row.source)


def remove_session(engine: Engine, session_id: int) -> SessionRecord | None:
    """Delete one study session; return it as the database held it (read in the same
    transaction), or None when there is no such session (nothing changed)."""
    with transaction(engine) as session:
        return _remove_session(session, session_id)


def _remove_session(
    session: Session, session_id: int, same_as: SessionRecord | None = None
) -> SessionRecord | None:
    """Delete the session row `session_id` (only if it is still on the item and from the
    source of `same_as`, when given: a freed id may be another session's now); return it."""
    row = session.get(StudySession, session_id)
    if row is None:
        return None
    if same_as is not None and (row.content_id, row.source) != (same_as.content_id, same_as.source):
        return None
    removed = session_record(row)
    session.delete(row)
    session.flush()
    return removed


def edit_session(
    engine: Engine, session_id: int, minutes: int, started_at: datetime
) -> tuple[SessionRecord, SessionRecord] | None:
    """Change a session's minutes and start; return (before, after), the row read and changed
    in one transaction, or None if there is no such session (nothing changed)."""
    with transaction(engine) as session:
        row = session.get(StudySession, session_id)
        if row is None:
            return None
        before = session_record(row)
        row.minutes, row.started_at = minutes, started_at
        session.flush()
        return before, session_record(row)


def restore_timer(
    engine: Engine,
    key: str,
    setting_json: str | None,
    add: SessionRecord | None,
    remove: SessionRecord | None,
) -> tuple[str | None, SessionRecord | None, SessionRecord | None]:
    """Put the study timer back in ONE transaction: record the session `add` again (under a
    new id), write the timer setting `key` (None removes it), and delete the session
    `remove` (by its id, if that row is still on the same item from the same source).
    Returns what the setting held before, the session added and the session removed (None
    when it was gone), all read in that transaction; on any error nothing is written."""
    with transaction(engine) as session:
        added = (
            _add_session(session, add.content_id, add.started_at, add.minutes, add.source)
            if add is not None
            else None
        )
        old = _put_setting(session, key, setting_json)
        removed = _remove_session(session, remove.id, remove) if remove is not None else None
        return old, added, removed


def _put_setting(session: Session, key: str, value_json: str | None) -> str | None:
    """Write one setting's JSON text (None removes it); return the text it held."""
    row = session.get(Setting, key)
    old = row.value if row is not None else None
    if value_json is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(Setting(key=key, value=value_json))
    elif row.value != value_json:
        row.value = value_json
    session.flush()
    return old


def set_reading_copy(engine: Engine, content_id: str, path: str | None, at: datetime) -> str | None:
    """Attach (or with None detach) an offline copy's path; return the path the database held
    (None: no copy), read in the same transaction. An equal path is not written again."""
    with transaction(engine) as session:
        row = session.get(ReadingCopy, content_id)
        old = row.path if row is not None else None
        if old == path:
            return old
        if path is None:
            session.delete(row)
        elif row is None:
            session.add(ReadingCopy(content_id=content_id, path=path, added_at=at))
        else:
            row.path, row.added_at = path, at
        return old
