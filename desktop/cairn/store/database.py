"""The one wrapper around the learner's SQLite file: opening, schema versions, reads and writes.

Writes go through the SQLAlchemy ORM (`writes.py`), one transaction each. Reads are plain SQL on
a stdlib `sqlite3` connection and return frozen values, so opening the window does not wait for
SQLAlchemy to import; `warm_up()` loads it in the background once the window is up.
"""

from __future__ import annotations

import functools
import json
import logging
import operator
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import datetime
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..records import (
    ChoiceRecord,
    CommentRecord,
    EvidenceRecord,
    HistoryEntry,
    NoteRecord,
    SessionRecord,
    StatusRecord,
    VerificationRecord,
)
from .backup import backup_to
from .errors import (
    BusyDatabaseError,
    DamagedDatabaseError,
    DiskError,
    NewerDatabaseError,
    StoreError,
    busy_timeout_pragma,
    explain,
)
from .schema import HEAD_REVISION, KNOWN_REVISIONS

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
)
log = logging.getLogger("cairn.store")
__all__ = [
    "BusyDatabaseError",
    "DamagedDatabaseError",
    "Database",
    "DiskError",
    "NewerDatabaseError",
    "StoreError",
]


def _guarded(method: Callable[..., Any]) -> Callable[..., Any]:
    """Turn low-level write failures into a StoreError the learner can read (by result code)."""

    @functools.wraps(method)
    def wrapper(self: Database, *args: Any, **kwargs: Any) -> Any:
        self.ensure_same_file()
        try:
            result = method(self, *args, **kwargs)
            if self._shm_identity is None:  # this process now holds the journal's index
                self._shm_identity = _identity(companion(self.path, "-shm"))
            return result
        except StoreError:
            raise
        except (sqlite3.Error, OSError) as error:
            raise explain(self.path, error, doing="saving the change") from error
        except Exception as error:
            if type(error).__module__.startswith("sqlalchemy"):
                raise explain(self.path, error, doing="saving the change") from error
            raise

    return wrapper


def schema_revision(path: Path) -> str | None:
    """The schema revision stored in the file, or None for a new or empty database.

    Raises BusyDatabaseError, DiskError or DamagedDatabaseError by SQLite's result code, and a
    StoreError for a database that is not Cairn's or has a broken version table."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    conn: sqlite3.Connection | None = None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        conn.execute(busy_timeout_pragma())
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables:
            if tables:
                raise StoreError(
                    f"{path} is not a Cairn database (it has no schema version); "
                    "nothing was changed"
                )
            return None
        rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.Error as error:
        raise explain(path, error, doing="reading your progress file") from error
    finally:
        if conn is not None:
            conn.close()
    if len(rows) != 1 or not isinstance(rows[0][0], str) or not rows[0][0]:
        raise StoreError(
            f"{path}: its schema version table is empty or broken "
            f"({len(rows)} row(s)), so Cairn cannot tell how to read it. Nothing "
            "was changed; restore a backup (Tools → Backups) or repair it by hand."
        )
    return str(rows[0][0])


def configure_connection(connection: sqlite3.Connection, _record: Any = None) -> None:
    """WAL, full fsync, foreign keys and a busy timeout on every connection."""
    cursor = connection.cursor()
    for pragma in (busy_timeout_pragma(), *PRAGMAS):
        cursor.execute(pragma)
    cursor.close()


def _configure_writer(connection: sqlite3.Connection, record: Any = None) -> None:
    """Writer connections: the pragmas, and transactions that SQLAlchemy begins itself."""
    configure_connection(connection, record)
    connection.isolation_level = None  # the "begin" listener below issues BEGIN IMMEDIATE


def _begin_immediate(connection: Any) -> None:
    """Take the write lock when a transaction starts, so that two processes writing the same
    row (or creating the schema on a first run) wait for each other instead of colliding."""
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def companion(path: Path, suffix: str) -> Path:
    """The -wal or -shm file SQLite keeps beside the database (beside a link's target)."""
    real = Path(os.path.realpath(path))
    return real.with_name(real.name + suffix)


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino


def _time(text: str | datetime) -> datetime:
    return text if isinstance(text, datetime) else datetime.fromisoformat(text)


def read_stored_time(text: str | datetime) -> datetime:
    """A time as the store keeps it (`Database.status_texts`), as a datetime."""
    return _time(text)


def _options(text: str) -> tuple[str, ...]:
    """A stored list of option ids (anything else reads as no choice)."""
    try:
        value = json.loads(text)
    except ValueError:
        return ()
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def _evidence(row: tuple[Any, ...]) -> EvidenceRecord:
    evidence_id, content_id, url, added_at = row
    return EvidenceRecord(evidence_id, content_id, url, _time(added_at))


def _session(row: tuple[Any, ...]) -> SessionRecord:
    session_id, content_id, started_at, minutes, source = row
    return SessionRecord(session_id, content_id, _time(started_at), minutes, source)


def _is_newer(revision: str) -> bool:
    return revision.isdigit() and revision > HEAD_REVISION


def _open_reader(path: Path) -> sqlite3.Connection:
    """The connection reads go through, configured; closed again if configuring it fails."""
    try:
        reader = sqlite3.connect(path, isolation_level=None)
    except sqlite3.Error as error:
        raise explain(path, error, doing="opening your progress file") from error
    try:
        configure_connection(reader)
    except sqlite3.Error as error:
        reader.close()
        raise explain(path, error, doing="opening your progress file") from error
    except BaseException:
        reader.close()
        raise
    return reader


class Database:
    """The learner's data: item status and history, notes, evidence, settings."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._reader: sqlite3.Connection | None = _open_reader(path)
        self._engine: Engine | None = None
        self._engine_lock = threading.Lock()
        self._identity = _identity(path)
        self._shm_identity: tuple[int, int] | None = None  # known once this process wrote

    def _index_appears(self, shm: Path) -> bool:
        """No -shm: fine if there is no -wal either, or if another Cairn opening the file
        right now adds it within a moment; False if it stays missing beside a -wal."""
        wal = companion(self.path, "-wal")
        for _ in range(10):
            if shm.exists() or not wal.exists():
                return True
            time.sleep(0.05)
        return False

    def ensure_same_file(self) -> None:
        """Refuse to write when the file was removed or replaced under us, or its -shm was
        removed or replaced (another program made a new one): the change would go where
        nobody will read it again."""
        identity = _identity(self.path)
        shm = companion(self.path, "-shm")
        shm_identity = _identity(shm)
        if identity is None or identity != self._identity:
            what = "removed" if identity is None else "replaced by another file"
        elif self._shm_identity is not None and shm_identity != self._shm_identity:
            what = f"left without its companion file {shm.name} (removed or replaced)"
        elif shm_identity is None and not self._index_appears(shm):
            what = f"left without its companion file {shm.name}"
        else:
            return
        log.warning("%s was %s while open; write refused", self.path, what)
        raise StoreError(
            f"{self.path} was {what} while Cairn had it open, so the change was "
            "not saved. Close Cairn and open it again: a missing file is "
            "restored from the newest good backup."
        )

    @classmethod
    def open(cls, path: Path, backup_dir: Path) -> Database:
        """Open (creating if needed) and migrate after a backup; refuse a newer schema.

        Raises DamagedDatabaseError when SQLite's quick check finds damage (the caller confirms
        it before any recovery), and a StoreError in words for anything else."""
        path = Path(path)
        if path.exists() and path.is_dir():
            raise StoreError(f"{path} is a folder, not a database file")
        revision = schema_revision(path)
        if revision is not None and revision not in KNOWN_REVISIONS:
            if not _is_newer(revision):
                raise StoreError(
                    f"{path}: its schema version '{revision[:40]}' is not one Cairn "
                    "ever wrote. Nothing was changed; restore a backup (Tools → "
                    "Backups)."
                )
            raise NewerDatabaseError(
                f"{path} was written by a newer version of Cairn (schema {revision}; this "
                f"version knows up to {HEAD_REVISION}). Update Cairn to open it; the file has "
                "not been changed."
            )
        if revision is not None:
            from .recovery import quick_check

            problems = quick_check(path)
            if problems:
                raise DamagedDatabaseError(path, problems)
        if revision is None and not path.exists():
            from .template import create_from_template

            if create_from_template(path):  # a new folder: no Alembic before the first paint
                return cls(path)
        if revision != HEAD_REVISION:
            if revision is not None:
                try:
                    backup_to(path, Path(backup_dir), reason=f"before-migration-{revision}")
                except (sqlite3.Error, OSError) as error:
                    raise explain(
                        path, error, doing="the backup before updating the file's format"
                    ) from error
            database = cls(path)
            try:
                database._migrate()
            except BaseException:
                database.close()
                raise
            return database
        return cls(path)

    @_guarded
    def _migrate(self) -> None:
        """Bring the schema to the head revision in one IMMEDIATE transaction (a process that
        loses the race finds the work done and does nothing)."""
        from .migrate import upgrade_to_head

        with self.engine.begin() as connection:
            upgrade_to_head(connection)

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, created on first use."""
        with self._engine_lock:
            if self._engine is None:
                from sqlalchemy import create_engine, event

                engine = create_engine(f"sqlite+pysqlite:///{self.path}")
                event.listen(engine, "connect", _configure_writer)
                event.listen(engine, "begin", _begin_immediate)
                self._engine = engine
            return self._engine

    def warm_up(self) -> None:
        """Import the ORM and build the engine now (call from a background thread)."""
        from . import writes  # noqa: F401

        _ = self.engine

    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        with self._engine_lock:
            if self._engine is not None:
                self._engine.dispose()

    def _rows(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        if self._reader is None:
            raise StoreError(f"{self.path} is closed")
        try:
            return self._reader.execute(sql, params).fetchall()
        except sqlite3.Error as error:
            raise explain(self.path, error, doing="reading your progress") from error

    def data_version(self) -> int:
        """Changes whenever another connection (or process) commits to the file."""
        return int(self._rows("PRAGMA data_version")[0][0])

    # --- reads ------------------------------------------------------------------------------
    def statuses(self) -> dict[str, StatusRecord]:
        rows = self._rows("SELECT content_id, status, updated_at FROM item_state")
        return {cid: StatusRecord(status, _time(at)) for cid, status, at in rows}

    def status_texts(self) -> dict[str, tuple[str, str]]:
        """Every stored status with when it was set, that time as stored (`read_stored_time`
        reads it): what a reload needs, without parsing thousands of times."""
        rows = self._rows("SELECT content_id, status, updated_at FROM item_state")
        return {cid: (status, at) for cid, status, at in rows}

    def statuses_of(self, content_ids: Sequence[str]) -> dict[str, str]:
        """The stored statuses of these ids only (ids without a row are left out)."""
        found = {}
        for content_id in dict.fromkeys(content_ids):
            rows = self._rows("SELECT status FROM item_state WHERE content_id = ?", content_id)
            if rows:
                found[content_id] = rows[0][0]
        return found

    def history(self, content_id: str) -> list[HistoryEntry]:
        rows = self._rows(
            "SELECT old_status, new_status, changed_at FROM status_change "
            "WHERE content_id = ? ORDER BY changed_at, id",
            content_id,
        )
        return [HistoryEntry(old, new, _time(at)) for old, new, at in rows]

    def notes(self) -> dict[str, NoteRecord]:
        rows = self._rows("SELECT content_id, body, private, updated_at FROM note")
        return {cid: NoteRecord(body, bool(private), _time(at)) for cid, body, private, at in rows}

    def note(self, content_id: str) -> NoteRecord | None:
        rows = self._rows(
            "SELECT body, private, updated_at FROM note WHERE content_id = ?", content_id
        )
        return NoteRecord(rows[0][0], bool(rows[0][1]), _time(rows[0][2])) if rows else None

    def evidence(self, content_id: str | None = None) -> list[EvidenceRecord]:
        sql = "SELECT id, content_id, url, added_at FROM evidence"
        rows = (
            self._rows(sql + " WHERE content_id = ? ORDER BY id", content_id)
            if content_id is not None
            else self._rows(sql + " ORDER BY id")
        )
        return [_evidence(row) for row in rows]

    def evidence_link(self, evidence_id: int) -> EvidenceRecord | None:
        """One evidence link by its row id (None once it is gone)."""
        sql = "SELECT id, content_id, url, added_at FROM evidence WHERE id = ?"
        rows = self._rows(sql, evidence_id)
        return _evidence(rows[0]) if rows else None

    def reading_statuses(self) -> dict[str, str]:
        """Readings the learner has started or finished (the rest are unread)."""
        return dict(self._rows("SELECT content_id, status FROM reading_state"))

    def reading_records(self) -> dict[str, StatusRecord]:
        rows = self._rows("SELECT content_id, status, updated_at FROM reading_state")
        return {cid: StatusRecord(status, _time(at)) for cid, status, at in rows}

    def all_history(self) -> dict[str, list[HistoryEntry]]:
        """Every status change, grouped by id, oldest first."""
        history: dict[str, list[HistoryEntry]] = {}
        for cid, old, new, at in self._rows(
            "SELECT content_id, old_status, new_status, changed_at FROM status_change "
            "ORDER BY changed_at, id"
        ):
            history.setdefault(cid, []).append(HistoryEntry(old, new, _time(at)))
        return history

    def history_rows(self) -> list[tuple[str, str | None, str, str]]:
        """Every status change as stored, oldest first: (id, from, to, the time's stored text).
        The same events as `all_history`, without building an object or parsing a time per
        event (the JSON export passes the stored times on)."""
        sql = "SELECT content_id, old_status, new_status, changed_at FROM status_change ORDER BY "
        rows = self._rows(sql + "id")  # the table's own order: no sort
        times = [row[3] for row in rows]
        try:
            if all(map(operator.le, times, islice(times, 1, None))):  # written oldest first
                return rows
        except TypeError:  # a time stored as something besides text: SQLite orders it
            pass
        return self._rows(sql + "changed_at, id")  # an import added older events: sort them

    def last_done(self, ids: Collection[str] | None = None) -> dict[str, datetime]:
        """When each stored id (or each of `ids` that was ever done) was last marked done:
        one aggregate, not every event."""
        if ids is not None:  # a few ids: one indexed look-up each
            found: dict[str, datetime] = {}
            for content_id in dict.fromkeys(ids):
                rows = self._rows(
                    "SELECT max(changed_at) FROM status_change "
                    "WHERE content_id = ? AND new_status = 'done'",
                    content_id,
                )
                if rows and rows[0][0] is not None:
                    found[content_id] = _time(rows[0][0])
            return found
        rows = self._rows(
            # a plain scan: through the (content_id, changed_at) index every row would be
            # looked up again to read its status (4x slower at 200,000 events)
            "SELECT content_id, max(changed_at) FROM status_change NOT INDEXED "
            "WHERE new_status = 'done' GROUP BY content_id"
        )
        return {cid: _time(at) for cid, at in rows}

    def evidence_ids(self) -> set[str]:
        """Milestones that have at least one evidence link."""
        return {row[0] for row in self._rows("SELECT DISTINCT content_id FROM evidence")}

    def sessions(self, content_id: str | None = None) -> list[SessionRecord]:
        """Every study session (or those of one item or reading), oldest first."""
        sql = "SELECT id, content_id, started_at, minutes, source FROM study_session"
        if content_id is not None:
            rows = self._rows(sql + " WHERE content_id = ? ORDER BY started_at, id", content_id)
            return [_session(row) for row in rows]
        return [_session(row) for row in self._rows(sql + " ORDER BY started_at, id")]

    def session(self, session_id: int) -> SessionRecord | None:
        """One study session by its row id (None once it is gone)."""
        sql = "SELECT id, content_id, started_at, minutes, source FROM study_session WHERE id = ?"
        rows = self._rows(sql, session_id)
        return _session(rows[0]) if rows else None

    def reading_copies(self) -> dict[str, str]:
        return dict(self._rows("SELECT content_id, path FROM reading_copy"))

    def choices(self) -> dict[str, ChoiceRecord]:
        """Each choice group's chosen options and when they were chosen."""
        rows = self._rows("SELECT group_id, options, updated_at FROM choice")
        return {group: ChoiceRecord(_options(text), _time(at)) for group, text, at in rows}

    def comments(self) -> list[CommentRecord]:
        """Every mentor comment received, oldest first (content id "": an overall note)."""
        sql = "SELECT content_id, body, mentor, written_at, received_at FROM mentor_comment"
        return [
            CommentRecord(cid, body, mentor, _time(written), _time(received))
            for cid, body, mentor, written, received in self._rows(sql + " ORDER BY written_at, id")
        ]

    def verified(self) -> dict[str, VerificationRecord]:
        """Milestones a mentor verified, by id."""
        rows = self._rows("SELECT content_id, verified_at, mentor FROM verification")
        return {cid: VerificationRecord(cid, _time(at), mentor) for cid, at, mentor in rows}

    def setting(self, key: str, default: Any = None) -> Any:
        rows = self._rows("SELECT value FROM setting WHERE key = ?", key)
        return json.loads(rows[0][0]) if rows else default

    def settings_text(self) -> dict[str, str]:
        """Every setting as its stored JSON text (for telling whether anything changed)."""
        return dict(self._rows("SELECT key, value FROM setting"))

    # --- writes (each one transaction, through the ORM) --------------------------------------
    @_guarded
    def set_status(
        self, content_id: str, status: str, at: datetime, absent: str | None = None
    ) -> str | None:
        """Record a new status and its history entry unless it is already stored; return the
        status the database held (`absent` when it held none)."""
        from .writes import set_status

        return set_status(self.engine, content_id, status, at, absent)

    @_guarded
    def set_statuses(
        self, wanted: dict[str, tuple[str, str]], at: datetime
    ) -> dict[str, str | None]:
        """Several statuses in one transaction; returns what the database held for each."""
        from .writes import set_statuses

        return set_statuses(self.engine, wanted, at)

    @_guarded
    def set_note(
        self, content_id: str, body: str, private: bool | None, at: datetime
    ) -> tuple[str, bool]:
        """Replace the note (an empty body deletes it); return what the database held."""
        from .writes import set_note

        return set_note(self.engine, content_id, body, private, at)

    @_guarded
    def add_evidence(self, content_id: str, url: str, at: datetime) -> int:
        from .writes import add_evidence

        return add_evidence(self.engine, content_id, url, at)

    @_guarded
    def remove_evidence(self, evidence_id: int) -> tuple[EvidenceRecord, bool] | None:
        """Delete one evidence link; return the removed record and whether its milestone still
        has a link (read in the same transaction), or None if there is no such link."""
        from .writes import remove_evidence

        return remove_evidence(self.engine, evidence_id)

    @_guarded
    def set_reading_status(self, content_id: str, status: str, at: datetime) -> str:
        """Store a reading's status; return the one the database held ('unread': none), read
        in the same transaction."""
        from .writes import set_reading_status

        return set_reading_status(self.engine, content_id, status, at)

    @_guarded
    def apply_import(self, plan: Any) -> None:
        """Apply a merge plan (see cairn.reports.importer) in one transaction: its practice
        rows (store/practice_import.py) are written in the same one, all or nothing."""
        from .practice_import import apply_practice
        from .writes import apply_import

        with self.engine.begin() as connection:  # the writes' Session joins this transaction
            apply_import(connection, plan)
            apply_practice(connection, getattr(plan, "practice", None))

    @_guarded
    def add_session(self, content_id: str, started_at: datetime, minutes: int, source: str) -> int:
        """Record one study session; return its id."""
        from .writes import add_session

        return add_session(self.engine, content_id, started_at, minutes, source)

    @_guarded
    def remove_session(self, session_id: int) -> SessionRecord | None:
        """Delete one study session; return it as the database held it (read in the same
        transaction), or None if there is no such session."""
        from .writes import remove_session

        return remove_session(self.engine, session_id)

    @_guarded
    def edit_session(
        self, session_id: int, minutes: int, started_at: datetime
    ) -> tuple[SessionRecord, SessionRecord] | None:
        """Change a session's minutes and start; return (before, after) read in the same
        transaction, or None if there is no such session (nothing changed)."""
        from .writes import edit_session

        return edit_session(self.engine, session_id, minutes, started_at)

    @_guarded
    def restore_timer(
        self, key: str, setting: Any, add: SessionRecord | None, remove: SessionRecord | None
    ) -> tuple[Any, SessionRecord | None, SessionRecord | None]:
        """In one transaction: record `add` again, write the timer setting `key` (None removes
        it) and delete the session `remove` (if its row is still that session's). Returns the
        setting as it was, the session added and the session removed (None if it was gone),
        read in that transaction."""
        from .writes import restore_timer

        text = None if setting is None else json.dumps(setting)
        old, added, removed = restore_timer(self.engine, key, text, add, remove)
        return (None if old is None else json.loads(old)), added, removed

    @_guarded
    def set_choice(self, group_id: str, options: tuple[str, ...], at: datetime) -> tuple[str, ...]:
        """Store the options chosen in a group (none: open again); return what it held."""
        from .writes import set_choice

        return set_choice(self.engine, group_id, options, at)

    @_guarded
    def set_reading_copy(self, content_id: str, path: str | None, at: datetime) -> str | None:
        """Attach (None: detach) an offline copy's path; return the path the database held
        (None: no copy), read in the same transaction."""
        from .writes import set_reading_copy

        return set_reading_copy(self.engine, content_id, path, at)

    @_guarded
    def set_setting(self, key: str, value: Any) -> Any:
        """Write one setting (None removes it); return what it held before (None: nothing)."""
        return self.set_settings({key: value})[key]

    @_guarded
    def set_settings(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """Write several settings in one transaction (None removes one, so it reads as its
        default again); return what each held before (None: nothing), read in that
        transaction."""
        from .writes import set_settings

        texts = {key: None if value is None else json.dumps(value) for key, value in values.items()}
        old = set_settings(self.engine, texts)
        return {key: None if text is None else json.loads(text) for key, text in old.items()}
