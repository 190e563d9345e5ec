"""What went wrong with the learner's database, decided by SQLite's result code, never by the
text of a message.

Only damage (CORRUPT, NOTADB) may lead to recovery, and only once a full check of a private
copy confirms it. A lock held by another program, a full disk or a missing permission is said in
words and changes nothing.
"""

from __future__ import annotations

import errno
import logging
import sqlite3
from enum import Enum
from pathlib import Path

log = logging.getLogger("cairn.store")
BUSY_TIMEOUT_MS = 5000  # how long Cairn waits for another program to let go of the file

# Primary result codes (https://sqlite.org/rescode.html); extended codes keep them in the low byte.
_BUSY = {5, 6}  # SQLITE_BUSY, SQLITE_LOCKED
_DISK = {3, 8, 10, 13, 14, 22}  # PERM, READONLY, IOERR, FULL, CANTOPEN, NOLFS
_DAMAGE = {11, 26}  # CORRUPT, NOTADB
_FULL, _READONLY, _PERM, _CANTOPEN = 13, 8, 3, 14


class Trouble(Enum):
    """The kinds of failure Cairn treats differently."""

    BUSY = "busy"
    DISK = "disk"
    DAMAGE = "damage"
    OTHER = "other"


class StoreError(Exception):
    """The learner's database cannot be used; the message says why, in words."""


class NewerDatabaseError(StoreError):
    """The database was written by a newer Cairn; it is left untouched."""


class BusyDatabaseError(StoreError):
    """Another program held the database for longer than Cairn waits; nothing was changed."""


class DiskError(StoreError):
    """The disk or folder refused (full, read-only, no permission, I/O error); nothing changed."""


class DamagedDatabaseError(StoreError):
    """The file fails SQLite's checks; `problems` says how (recovery can take over)."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        super().__init__(f"{path} is damaged: {'; '.join(problems[:3])}")


def busy_timeout_pragma() -> str:
    """The busy-timeout pragma every connection gets (read at call time, so tests can shorten
    the wait)."""
    return f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}"


def sqlite_cause(error: BaseException) -> sqlite3.Error | None:
    """The sqlite3 error behind `error` (SQLAlchemy wraps it as `.orig`), if any."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, sqlite3.Error):
            return current
        if isinstance(current, OSError):
            return None  # the system's own error, even if raised while handling SQLite's
        orig = getattr(current, "orig", None)
        current = orig if isinstance(orig, BaseException) else current.__cause__
    return None


def error_code(error: BaseException) -> int | None:
    """SQLite's extended result code for `error`, or None when SQLite did not give one."""
    cause = sqlite_cause(error)
    code = getattr(cause, "sqlite_errorcode", None)
    return code if isinstance(code, int) else None


def error_name(error: BaseException) -> str:
    cause = sqlite_cause(error)
    name = getattr(cause, "sqlite_errorname", None)
    return name if isinstance(name, str) else type(error).__name__


def classify(error: BaseException) -> Trouble:
    """Which kind of trouble an exception is: by result code, or by errno for OS errors."""
    code = error_code(error)
    if code is not None:
        primary = code & 0xFF
        if primary in _BUSY:
            return Trouble.BUSY
        if primary in _DISK:
            return Trouble.DISK
        if primary in _DAMAGE:
            return Trouble.DAMAGE
        return Trouble.OTHER
    if isinstance(error, OSError):
        return Trouble.DISK
    return Trouble.OTHER


def _disk_is_full(path: Path) -> bool:
    import shutil

    try:
        return shutil.disk_usage(path.parent).free < 256 * 1024
    except OSError:
        return False


def _disk_reason(path: Path, error: BaseException) -> str:
    code = error_code(error)
    primary = code & 0xFF if code is not None else None
    err_no = getattr(error, "errno", None)
    name = error_name(error)
    if primary == _FULL or err_no == errno.ENOSPC:
        return "the disk is full"
    if primary in (_READONLY, _PERM) or err_no in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "the data folder cannot be written to (read-only, or no permission)"
    if _disk_is_full(path):  # an I/O error with no space left: SQLite often says no more
        return "the disk is full"
    if primary == _CANTOPEN or "SHM" in name:
        return (
            "the file or its companion files (-wal, -shm) cannot be opened or created "
            f"(a full disk, a read-only folder or no permission; SQLite: {name})"
        )
    if "SHORT_READ" in name:
        return (
            "part of the file could not be read: another program may have changed or "
            f"removed its companion files (-wal, -shm) while Cairn had it open ({name})"
        )
    if isinstance(error, OSError) and error.strerror:
        where = f" ({error.filename})" if error.filename else ""
        return f"the system said: {error.strerror}{where}"
    return f"the disk reported an error ({name})"


INTACT = "Nothing was changed. Everything saved before is intact."


def explain(
    path: Path, error: BaseException, *, doing: str, consequence: str = INTACT
) -> StoreError:
    """A StoreError in words for a failure while `doing` something ('saving the change');
    `consequence` says what that means for the learner's data."""
    trouble = classify(error)
    cause = sqlite_cause(error) or error  # never log SQL parameters: they hold learner text
    log.warning("%s failed on %s: %s (%s)", doing, path, cause, error_name(error))
    if trouble is Trouble.BUSY:
        return BusyDatabaseError(
            f"{path}: another program is using your progress file (a backup or sync tool, an "
            f"antivirus, or sqlite3 in a terminal) and did not let go in time, so {doing} did "
            "not happen. Close that program or try again in a moment; nothing was changed."
        )
    if trouble is Trouble.DISK:
        return DiskError(
            f"{path}: {doing} did not happen because {_disk_reason(path, error)}. {consequence}"
        )
    if trouble is Trouble.DAMAGE:
        from .early_check import forget_clean

        forget_clean(path)  # proof of damage: the next opening checks the file again
        return DamagedDatabaseError(path, [f"{error} ({error_name(error)})"])
    return StoreError(f"{path}: {doing} did not happen: {error}. {consequence}")
