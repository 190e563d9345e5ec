"""The commonest change, a status, written in plain SQL on a stdlib `sqlite3` connection, so
that `cairn mark` (and the window's first click) need not import SQLAlchemy.

The rows are the ORM's (`writes.set_statuses`): an `item_state` row inserted or updated and a
`status_change` row per change, times stored as SQLAlchemy stores them. One transaction, begun
IMMEDIATE on a connection configured like every other (WAL, full fsync, foreign keys, the busy
timeout), reads the old value inside it and commits everything or nothing.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from datetime import datetime
from pathlib import Path

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
    connection.execute("BEGIN IMMEDIATE")
    try:
        held = {
            content_id: _set_one(connection, content_id, status, stored_time(at), absent)
            for content_id, (status, absent) in wanted.items()
        }
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            with contextlib.suppress(sqlite3.Error):  # the error that stopped it is said
                connection.execute("ROLLBACK")
        raise
    return held


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
    """The learner's database, with statuses written in plain SQL (every other write goes
    through the ORM, as in `Database`)."""

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
