"""Opening the learner's database the safe way: recovery only on proof of damage, never a rename
while another Cairn process uses the folder, and read-only commands that change nothing."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .database import Database, companion, schema_revision
from .errors import DamagedDatabaseError, StoreError
from .folder_lock import FolderLock
from .recovery import (
    RecoveryNotice,
    confirm_damage,
    newest_good_backup,
    recover,
    recover_missing,
    restore_backup,
    start_quick_check,
)
from .sql_writes import SqlDatabase

DATABASE_NAME = "cairn.sqlite3"
log = logging.getLogger("cairn.store")


@dataclass
class OpenedDatabase:
    """An open database, the folder lock held for it, and what recovery did (if anything)."""

    database: Database
    lock: FolderLock | None
    notice: RecoveryNotice | str | None = None
    cleanups: list[Callable[[], None]] = field(default_factory=list)

    def close(self) -> None:
        self.database.close()
        if self.lock is not None:
            self.lock.release()
        for cleanup in self.cleanups:
            cleanup()


def _scratch(source: Path | None, lock: FolderLock | None, notice: str | None) -> OpenedDatabase:
    """A throwaway database outside the data folder: empty, or a copy of a backup."""
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="cairn-view-"))
    path = folder / DATABASE_NAME
    if source is not None:
        restore_backup(source, path)
    database = SqlDatabase.open(path, folder / "backups")
    return OpenedDatabase(
        database, lock, notice, [lambda: shutil.rmtree(folder, ignore_errors=True)]
    )


def _blank_state(path: Path) -> str:
    """'missing', 'empty (…)' for a file with no Cairn data at all, or '' for a database."""
    if not path.exists():
        return "missing"
    if path.is_file() and path.stat().st_size == 0:
        return "empty (0 bytes)"
    if schema_revision(path) is None:
        return "empty (it holds no tables)"
    return ""


def _open_missing(
    path: Path, backup_dir: Path, lock: FolderLock | None, read_only: bool, state: str
) -> OpenedDatabase:
    """No database, or a 0-byte one: a brand-new folder, or progress to bring back."""
    if read_only:
        backup = newest_good_backup(backup_dir)
        if backup is None:
            return _scratch(None, lock, None)  # a brand-new folder: nothing to say, nothing made
        return _scratch(
            backup.path,
            lock,
            (
                f"Your progress file {path} is {state}. Shown here is the newest good backup "
                f"({backup.path.name}); nothing was changed. Open Cairn or run any command that "
                "saves to restore it."
            ),
        )
    notice = recover_missing(path, backup_dir, lock, state=state)
    return OpenedDatabase(SqlDatabase.open(path, backup_dir), lock, notice)


def _open_damaged(
    path: Path,
    backup_dir: Path,
    lock: FolderLock | None,
    read_only: bool,
    damage: DamagedDatabaseError,
) -> OpenedDatabase:
    problems = confirm_damage(path)
    if not problems:
        log.warning(
            "%s failed a check (%s) but a private copy is sound; nothing changed",
            path,
            "; ".join(damage.problems[:2]),
        )
        raise StoreError(
            f"{path} could not be read just now ({damage.problems[0]}), but a check of a copy "
            "found it sound, so nothing was changed. Close other programs that use it and try "
            "again."
        )
    if read_only:
        raise StoreError(
            f"{path} is damaged ({problems[0]}). Nothing was changed: open Cairn or run "
            "'cairn check' to move it aside and restore the newest good backup."
        )
    notice = recover(path, backup_dir, problems, lock)
    return OpenedDatabase(SqlDatabase.open(path, backup_dir), lock, notice)


def _refuse_a_replaced_shm(path: Path, lock: FolderLock | None) -> None:
    """While another Cairn has the file open its -shm exists; if it is gone, the two processes
    would keep separate indexes of the same journal and one's changes would be lost. Runs
    before any connection is made here (a connection would make a new, empty -shm)."""
    shm, wal = companion(path, "-shm"), companion(path, "-wal")
    if not path.is_file() or lock is None or not lock.held:
        return
    for _ in range(10):  # another Cairn opening the file right now adds its -shm within ms
        if shm.exists() or not wal.exists():  # a file in use has both; a closed one neither
            return
        if lock.try_exclusive():
            lock.back_to_shared()
            return
        time.sleep(0.05)
    log.warning("%s: -shm missing while another Cairn uses the folder; refused", path)
    raise StoreError(
        f"{path}: its companion file {shm.name} was removed while another Cairn (a window or "
        "a command) has the file open, so Cairn cannot share it safely. Nothing was changed: "
        "close the other Cairn, then try again."
    )


def _refuse_what_is_not_a_file(path: Path) -> None:
    if path.exists() and not path.is_file():
        raise StoreError(
            f"{path} is not a regular file (a folder, pipe or device), so it "
            "cannot be your progress file. Nothing was changed."
        )


def open_database(data_dir: Path, backup_dir: Path, *, read_only: bool = False) -> OpenedDatabase:
    """Open the database in `data_dir`, holding the folder lock shared.

    A busy file or a disk error raises a StoreError in words and changes nothing. Damage is
    confirmed on a private copy, then recovered from the newest good backup. A missing or empty
    file is restored from the newest good backup when there is one. With `read_only` nothing in
    the data folder is created, moved or renamed."""
    return begin_open(data_dir, backup_dir, read_only=read_only).finish()


def begin_open(
    data_dir: Path, backup_dir: Path, *, read_only: bool = False, trust: bool = True
) -> PendingOpen:
    """The first half of `open_database`: take the folder lock, refuse what is not a usable
    file, and begin the quick check of the file on its own thread, so that the caller can do
    other work (load the curriculum) while SQLite checks. `finish()` opens the database (taking
    the check's result) or `abandon()` lets go; exactly one of them must follow.

    With `trust`, a remembered clean check of the file exactly as it is stands in for the check
    (see early_check.py; `PendingOpen.trusted` says so)."""
    data_dir = Path(data_dir)
    if not read_only:
        data_dir.mkdir(parents=True, exist_ok=True)
    lock = FolderLock.share(data_dir, create=not read_only) if data_dir.is_dir() else None
    path = data_dir / DATABASE_NAME
    trusted = False
    try:
        _refuse_what_is_not_a_file(path)
        _refuse_a_replaced_shm(path, lock)
        if path.is_file() and path.stat().st_size > 0:
            trusted = start_quick_check(path, trust=trust)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    return PendingOpen(path, Path(backup_dir), lock, read_only, trusted)


@dataclass
class PendingOpen:
    """A database being opened: the lock is held and its quick check may be running."""

    path: Path
    backup_dir: Path
    lock: FolderLock | None
    read_only: bool
    trusted: bool = False  # a remembered clean check stands in for checking now

    def finish(self) -> OpenedDatabase:
        """Open the database (see `open_database`); on failure the lock is released."""
        path, backup_dir, lock, read_only = self.path, self.backup_dir, self.lock, self.read_only
        try:
            try:
                state = _blank_state(path)
                if state:
                    drop_early_check(path)
                    return _open_missing(path, backup_dir, lock, read_only, state)
                return OpenedDatabase(SqlDatabase.open(path, backup_dir), lock)
            except DamagedDatabaseError as damage:
                drop_early_check(path)
                return _open_damaged(path, backup_dir, lock, read_only, damage)
        except BaseException:
            self.abandon()
            raise

    def abandon(self) -> None:
        """Give the opening up: wait for the check to end, then release the lock."""
        drop_early_check(self.path)
        if self.lock is not None:
            self.lock.release()


def drop_early_check(path: Path) -> None:
    """Forget a quick check begun early (waiting for it): the file may be moved next."""
    from .early_check import drop

    drop(path)
