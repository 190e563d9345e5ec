"""The commonest changes, a status and a setting, written in plain SQL on a stdlib `sqlite3`
connection, so that `cairn mark` (and the window's first click, and the layout it saves on
closing) need not import SQLAlchemy.

The rows are the ORM's (`writes.set_statuses`): an `item_state` row inserted or updated and a
`status_change` row per change, times stored as SQLAlchemy stores them. One transaction, begun
IMMEDIATE on a connection configured like every other (WAL, full fsync, foreign keys, the busy
timeout), reads the old value inside it and commits everything or nothing.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
from collections.abc import Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from . import database
from .database import Database, _guarded
from .errors import StoreError


def stored_time(moment: datetime) -> str:
    """A time as SQLAlchemy's SQLite DateTime stores it: 'YYYY-MM-DD HH:MM:SS.ffffff'."""
    return (
        f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d} "
        f"{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}.{moment.microsecond:06d}"
    )


def open_writer(path: Path) -> sqlite3.Connection:
    """A connection for writes, configured like every other; kept open while the database is
    (as SQLAlchemy's pool keeps its own), and usable from any one thread at a time."""
    connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    try:
        database.configure_connection(connection)
    except BaseException:
        connection.close()
        raise
    return connection


def write_statuses(
    connection: sqlite3.Connection, wanted: dict[str, tuple[str, str | None]], at: datetime
) -> dict[str, str | None]:
    """Several statuses in one transaction: `wanted` maps an item to (status, absent); returns
    what the database held for each (`absent` for an item without a row). An equal status is
    not written again."""
    with _immediate(connection):
        return {
            content_id: _set_one(connection, content_id, status, stored_time(at), absent)
            for content_id, (status, absent) in wanted.items()
        }


def write_settings(
    connection: sqlite3.Connection, texts: dict[str, str | None]
) -> dict[str, str | None]:
    """Several settings' JSON text in one transaction (None removes one), as `writes`'s
    `set_settings` writes them; returns the text each held (None: not set), read inside it."""
    with _immediate(connection):
        return {key: _put_setting(connection, key, text) for key, text in texts.items()}


@contextlib.contextmanager
def _immediate(connection: sqlite3.Connection) -> Iterator[None]:
    """One transaction, begun IMMEDIATE (the write lock first, so what is read inside it
    stays true): committed when the block ends, rolled back if it raises."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            with contextlib.suppress(sqlite3.Error):  # the error that stopped it is said
                connection.execute("ROLLBACK")
        raise


def _put_setting(connection: sqlite3.Connection, key: str, text: str | None) -> str | None:
    row = connection.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    old = row[0] if row is not None else None
    if text is None:
        if row is not None:
            connection.execute("DELETE FROM setting WHERE key = ?", (key,))
    elif row is None:
        connection.execute("INSERT INTO setting (key, value) VALUES (?, ?)", (key, text))
    elif old != text:
        connection.execute("UPDATE setting SET value = ? WHERE key = ?", (text, key))
    return old


def _set_one(
    connection: sqlite3.Connection, content_id: str, status: str, at: str, absent: str | None
) -> str | None:
    row = connection.execute(
        "SELECT status FROM item_state WHERE content_id = ?", (content_id,)
    ).fetchone()
    old = row[0] if row is not None else None
    if (old if row is not None else absent) == status:
        return status
    if row is None:
        connection.execute(
            "INSERT INTO item_state (content_id, status, updated_at) VALUES (?, ?, ?)",
            (content_id, status, at),
        )
    else:
        connection.execute(
            "UPDATE item_state SET status = ?, updated_at = ? WHERE content_id = ?",
            (status, at, content_id),
        )
    connection.execute(
        "INSERT INTO status_change (content_id, old_status, new_status, changed_at) "
        "VALUES (?, ?, ?, ?)",
        (content_id, old, status, at),
    )
    return old if row is not None else absent


class SqlDatabase(Database):
    """The learner's database, with statuses and settings written in plain SQL (every other
    write goes through the ORM, as in `Database`)."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self._writer: sqlite3.Connection | None = None
        self._writer_lock = threading.Lock()

    @_guarded
    def set_statuses(
        self, wanted: dict[str, tuple[str, str]], at: datetime
    ) -> dict[str, str | None]:
        """Several statuses in one transaction; returns what the database held for each."""
        with self._writer_lock:
            return write_statuses(self._writing(), dict(wanted), at)

    @_guarded
    def set_status(
        self, content_id: str, status: str, at: datetime, absent: str | None = None
    ) -> str | None:
        """Record a new status and its history entry unless it is already stored; return the
        status the database held (`absent` when it held none)."""
        with self._writer_lock:
            return write_statuses(self._writing(), {content_id: (status, absent)}, at)[content_id]

    @_guarded
    def set_settings(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """Write several settings in one transaction (None removes one); return what each
        held before (None: nothing), read in that transaction."""
        texts = {key: None if value is None else json.dumps(value) for key, value in values.items()}
        with self._writer_lock:
            old = write_settings(self._writing(), texts)
        return {key: None if text is None else json.loads(text) for key, text in old.items()}

    def _writing(self) -> sqlite3.Connection:
        if self._reader is None:
            raise StoreError(f"{self.path} is closed")
        if self._writer is None:
            self._writer = open_writer(self.path)
        return self._writer

    def close(self) -> None:
        with self._writer_lock:
            if self._writer is not None:
                self._writer.close()
                self._writer = None
        super().close()
