"""The one wrapper around the learner's SQLite file: opening, schema versions, reads and writes.

Every write is one transaction. Reads return plain frozen values, never ORM rows.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, delete, event, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from .backup import backup_to
from .models import Evidence, ItemState, Note, Setting, StatusChange
from .schema import HEAD_REVISION, KNOWN_REVISIONS

BUSY_TIMEOUT_MS = 5000


class StoreError(Exception):
    """The learner's database cannot be used; the message says why, in words."""


class NewerDatabaseError(StoreError):
    """The database was written by a newer Cairn; it is left untouched."""


@dataclass(frozen=True, slots=True)
class StatusRecord:
    status: str
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    old_status: str | None
    new_status: str
    changed_at: datetime


@dataclass(frozen=True, slots=True)
class NoteRecord:
    body: str
    private: bool
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class EvidenceRecord:
    id: int
    content_id: str
    url: str
    added_at: datetime


def schema_revision(path: Path) -> str | None:
    """The schema revision stored in the file, or None for a new or empty database."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise StoreError(f"{path} cannot be opened: {error}") from error
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables:
            if tables:
                raise StoreError(f"{path} is not a Cairn database (it has no schema version)")
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path} is not a readable SQLite database: {error}") from error
    finally:
        conn.close()


def _configure(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


class Database:
    """The learner's data: item status and history, notes, evidence, settings."""

    def __init__(self, engine: Engine, path: Path) -> None:
        self.engine = engine
        self.path = path

    @classmethod
    def open(cls, path: Path, backup_dir: Path) -> Database:
        """Open (creating if needed) and migrate after a backup; refuse a newer schema."""
        path = Path(path)
        if path.exists() and path.is_dir():
            raise StoreError(f"{path} is a folder, not a database file")
        path.parent.mkdir(parents=True, exist_ok=True)
        revision = schema_revision(path)
        if revision is not None and revision not in KNOWN_REVISIONS:
            raise NewerDatabaseError(
                f"{path} was written by a newer version of Cairn (schema {revision}; this "
                f"version knows up to {HEAD_REVISION}). Update Cairn to open it; the file has "
                "not been changed."
            )
        engine = create_engine(f"sqlite+pysqlite:///{path}")
        event.listen(engine, "connect", _configure)
        database = cls(engine, path)
        if revision != HEAD_REVISION:
            if revision is not None:
                backup_to(path, Path(backup_dir), reason=f"before-migration-{revision}")
            database._migrate()
        return database

    def _migrate(self) -> None:
        from .migrate import upgrade_to_head

        with self.engine.begin() as connection:
            upgrade_to_head(connection)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _write(self) -> Iterator[Session]:
        with Session(self.engine) as session, session.begin():
            yield session

    # --- status ---------------------------------------------------------------------------
    def statuses(self) -> dict[str, StatusRecord]:
        with Session(self.engine) as session:
            rows = session.execute(select(ItemState.content_id, ItemState.status,
                                          ItemState.updated_at))
            return {cid: StatusRecord(status, at) for cid, status, at in rows}

    def set_status(self, content_id: str, status: str, at: datetime) -> str | None:
        """Record a new status and its history entry; return the old status."""
        with self._write() as session:
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

    def history(self, content_id: str) -> list[HistoryEntry]:
        with Session(self.engine) as session:
            rows = session.execute(
                select(StatusChange.old_status, StatusChange.new_status, StatusChange.changed_at)
                .where(StatusChange.content_id == content_id)
                .order_by(StatusChange.changed_at, StatusChange.id)
            )
            return [HistoryEntry(*row) for row in rows]

    # --- notes ----------------------------------------------------------------------------
    def notes(self) -> dict[str, NoteRecord]:
        with Session(self.engine) as session:
            rows = session.execute(select(Note.content_id, Note.body, Note.private,
                                          Note.updated_at))
            return {cid: NoteRecord(body, private, at) for cid, body, private, at in rows}

    def note(self, content_id: str) -> NoteRecord | None:
        with Session(self.engine) as session:
            row = session.get(Note, content_id)
            return NoteRecord(row.body, row.private, row.updated_at) if row else None

    def set_note(self, content_id: str, body: str, private: bool, at: datetime) -> None:
        """Replace the note; an empty body deletes it."""
        with self._write() as session:
            row = session.get(Note, content_id)
            if not body.strip():
                if row is not None:
                    session.delete(row)
                return
            if row is None:
                session.add(Note(content_id=content_id, body=body, private=private,
                                 updated_at=at))
            else:
                row.body, row.private, row.updated_at = body, private, at

    # --- evidence -------------------------------------------------------------------------
    def evidence(self, content_id: str | None = None) -> list[EvidenceRecord]:
        query = select(Evidence.id, Evidence.content_id, Evidence.url, Evidence.added_at)
        if content_id is not None:
            query = query.where(Evidence.content_id == content_id)
        with Session(self.engine) as session:
            return [EvidenceRecord(*row) for row in session.execute(query.order_by(Evidence.id))]

    def add_evidence(self, content_id: str, url: str, at: datetime) -> int:
        with self._write() as session:
            row = Evidence(content_id=content_id, url=url, added_at=at)
            session.add(row)
            session.flush()
            return row.id

    def remove_evidence(self, evidence_id: int) -> str | None:
        """Delete one evidence link; return the milestone id it belonged to."""
        with self._write() as session:
            row = session.get(Evidence, evidence_id)
            if row is None:
                return None
            content_id = row.content_id
            session.execute(delete(Evidence).where(Evidence.id == evidence_id))
            return content_id

    # --- settings -------------------------------------------------------------------------
    def setting(self, key: str, default: Any = None) -> Any:
        with Session(self.engine) as session:
            row = session.get(Setting, key)
            return json.loads(row.value) if row else default

    def set_setting(self, key: str, value: Any) -> None:
        with self._write() as session:
            row = session.get(Setting, key)
            text = json.dumps(value)
            if row is None:
                session.add(Setting(key=key, value=text))
            else:
                row.value = text
