"""Every change to the learner's data: one ORM transaction each."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import delete
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from .models import (
    Evidence,
    ItemState,
    Note,
    ReadingCopy,
    ReadingState,
    Setting,
    StatusChange,
    StudySession,
)


@contextmanager
def transaction(engine: Engine) -> Iterator[Session]:
    """A session whose work commits together on success and rolls back on any error."""
    with Session(engine) as session, session.begin():
        yield session


def set_status(engine: Engine, content_id: str, status: str, at: datetime) -> str | None:
    with transaction(engine) as session:
        state = session.get(ItemState, content_id)
        old = state.status if state else None
        if old == status:
            return old
        if state is None:
            session.add(ItemState(content_id=content_id, status=status, updated_at=at))
            session.flush()
        else:
            state.status = status
            state.updated_at = at
        session.add(StatusChange(content_id=content_id, old_status=old, new_status=status,
                                 changed_at=at))
        return old


def set_note(engine: Engine, content_id: str, body: str, private: bool, at: datetime) -> None:
    with transaction(engine) as session:
        row = session.get(Note, content_id)
        if not body.strip():
            if row is not None:
                session.delete(row)
            return
        if row is None:
            session.add(Note(content_id=content_id, body=body, private=private, updated_at=at))
        else:
            row.body, row.private, row.updated_at = body, private, at


def add_evidence(engine: Engine, content_id: str, url: str, at: datetime) -> int:
    with transaction(engine) as session:
        row = Evidence(content_id=content_id, url=url, added_at=at)
        session.add(row)
        session.flush()
        return row.id


def remove_evidence(engine: Engine, evidence_id: int) -> str | None:
    with transaction(engine) as session:
        row = session.get(Evidence, evidence_id)
        if row is None:
            return None
        content_id = row.content_id
        session.execute(delete(Evidence).where(Evidence.id == evidence_id))
        return content_id


def set_setting(engine: Engine, key: str, value_json: str) -> None:
    with transaction(engine) as session:
        row = session.get(Setting, key)
        if row is None:
            session.add(Setting(key=key, value=value_json))
        else:
            row.value = value_json


def set_reading_status(engine: Engine, content_id: str, status: str, at: datetime) -> None:
    """'unread' removes the row; 'reading' and 'read' are stored."""
    with transaction(engine) as session:
        row = session.get(ReadingState, content_id)
        if status == "unread":
            if row is not None:
                session.delete(row)
        elif row is None:
            session.add(ReadingState(content_id=content_id, status=status, updated_at=at))
        else:
            row.status, row.updated_at = status, at


def apply_import(engine: Engine, plan: Any) -> None:
    """Write a whole import plan in one transaction: all of it, or (on any error) none."""
    with transaction(engine) as session:
        for content_id, status, at in plan.statuses:
            state = session.get(ItemState, content_id)
            if state is None:
                session.add(ItemState(content_id=content_id, status=status, updated_at=at))
            else:
                state.status, state.updated_at = status, at
        session.flush()
        for content_id, old, new, at in plan.history:
            session.add(StatusChange(content_id=content_id, old_status=old, new_status=new,
                                     changed_at=at))
        for content_id, body, private, at in plan.notes:
            note = session.get(Note, content_id)
            if note is None:
                session.add(Note(content_id=content_id, body=body, private=private,
                                 updated_at=at))
            else:
                note.body, note.private, note.updated_at = body, private, at
        for content_id, url, at in plan.evidence:
            session.add(Evidence(content_id=content_id, url=url, added_at=at))
        for content_id, status, at in plan.readings:
            reading = session.get(ReadingState, content_id)
            if status == "unread":
                if reading is not None:
                    session.delete(reading)
            elif reading is None:
                session.add(ReadingState(content_id=content_id, status=status, updated_at=at))
            else:
                reading.status, reading.updated_at = status, at
        for content_id, started_at, minutes, source in plan.sessions:
            session.add(StudySession(content_id=content_id, started_at=started_at,
                                     minutes=minutes, source=source))
        for key, value in plan.settings.items():
            row = session.get(Setting, key)
            if row is None:
                session.add(Setting(key=key, value=json.dumps(value)))
            else:
                row.value = json.dumps(value)


def add_session(engine: Engine, content_id: str, started_at: datetime, minutes: int,
                source: str) -> int:
    with transaction(engine) as session:
        row = StudySession(content_id=content_id, started_at=started_at, minutes=minutes,
                           source=source)
        session.add(row)
        session.flush()
        return row.id


def remove_session(engine: Engine, session_id: int) -> bool:
    with transaction(engine) as session:
        row = session.get(StudySession, session_id)
        if row is None:
            return False
        session.delete(row)
        return True


def set_reading_copy(engine: Engine, content_id: str, path: str | None, at: datetime) -> None:
    with transaction(engine) as session:
        row = session.get(ReadingCopy, content_id)
        if path is None:
            if row is not None:
                session.delete(row)
        elif row is None:
            session.add(ReadingCopy(content_id=content_id, path=path, added_at=at))
        else:
            row.path, row.added_at = path, at
