"""Integrity checks and recovery: a damaged database is moved aside (never deleted) and the
newest backup that passes a full check takes its place.

Recovery acts only on proof: SQLite's own checks fail on a private copy of the file. A busy file,
a full disk or a missing permission raises a StoreError in words and changes nothing; so does a
data folder another Cairn process is using (a file someone has open is never renamed).
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .backup import BackupInfo, list_backups
from .errors import StoreError, Trouble, busy_timeout_pragma, classify, explain
from .folder_lock import FolderLock

log = logging.getLogger("cairn.store")


def _problems(path: Path, pragma: str) -> list[str]:
    """What `pragma` finds wrong; damage reported by SQLite counts as a problem, while busy or
    disk errors raise a StoreError (they are not proof of damage)."""
    conn: sqlite3.Connection | None = None
    try:
        # its own connection, made, used and closed by one thread (an early check's: see
        # early_check.py), which may not be the thread that opened the database
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        conn.execute(busy_timeout_pragma())
        rows = conn.execute(pragma).fetchall()
        found = [str(r[0]) for r in rows if str(r[0]) != "ok"]
        if pragma.startswith("PRAGMA integrity_check") and not found:
            fk = conn.execute("PRAGMA foreign_key_check").fetchall()
            found += [f"row {r[1]} of {r[0]} refers to a missing {r[2]} row" for r in fk]
        return found
    except sqlite3.Error as error:
        if classify(error) is Trouble.DAMAGE:
            return [str(error)]
        raise explain(path, error, doing="checking your progress file") from error
    finally:
        if conn is not None:
            conn.close()


def quick_check(path: Path) -> list[str]:
    """SQLite's quick_check: fast, catches most damage (run on every open). The result of a
    check begun early on this file (`start_quick_check`) is taken when the file is unchanged
    since it began."""
    from . import early_check

    found = early_check.take(path)
    return found if found is not None else _quick_check_now(path)


def start_quick_check(path: Path, *, trust: bool = True) -> bool:
    """Begin the quick check of `path` on its own thread; `quick_check(path)` takes its result
    (see early_check.py). Only once the folder lock is held and the companion files were
    found sound: its connection is the first this process makes to the file. With `trust`, a
    remembered clean check of this very file stands in for it: then True."""
    from . import early_check

    return early_check.start(path, _quick_check_now, trust=trust)


def _quick_check_now(path: Path) -> list[str]:
    return _problems(path, "PRAGMA quick_check")


def full_check(path: Path) -> list[str]:
    """integrity_check plus foreign_key_check: everything SQLite can verify."""
    return _problems(path, "PRAGMA integrity_check")


def confirm_damage(path: Path) -> list[str]:
    """Run the full check on a private copy of the file (and its -wal), so that no other
    program's lock or half-written state can pass for damage. Returns the problems found."""
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory(prefix="cairn-check-") as folder:
        copy = Path(folder) / path.name
        try:
            shutil.copyfile(path, copy)
            wal = path.with_name(path.name + "-wal")
            if wal.is_file():
                shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
        except OSError as error:
            raise explain(path, error, doing="checking a copy of your progress file") from error
        return full_check(copy)


@dataclass(frozen=True)
class RecoveryNotice:
    """What recovery did, in words for the learner."""

    damaged_copy: Path | None
    restored: BackupInfo | None
    problems: tuple[str, ...]

    def message(self) -> str:
        why = self.problems[0] if self.problems else "unreadable"
        if why == "missing" or why.startswith("empty"):
            head = f"Your progress file was {why}." + (
                f" The empty file was kept as {self.damaged_copy}." if self.damaged_copy else ""
            )
        else:
            head = (
                f"Your progress file was damaged ({why}). It was moved aside, not deleted: "
                f"{self.damaged_copy}."
            )
        if self.restored is None:
            return head + (
                " No good backup was found, so Cairn started a new, empty progress "
                "file. The damaged copy is kept for recovery by hand."
            )
        when = self.restored.made_at.replace(tzinfo=UTC).astimezone()
        done = (
            f" ({self.restored.items_done} items done)"
            if self.restored.items_done is not None
            else ""
        )
        stamp = when.strftime("%A %d %B %Y at %H:%M")
        return head + (
            f" Your progress was restored from the backup of {stamp}{done}; "
            "changes made after that time are not in it."
        )


def move_aside(path: Path, now: datetime | None = None, *, label: str = "damaged") -> Path:
    """Rename the database and its WAL/SHM files out of the way; return the new name."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{label}-{stamp}")
    path.replace(target)
    for extra in ("-wal", "-shm"):
        side = path.with_name(path.name + extra)
        if side.exists():
            side.replace(target.with_name(target.name + extra))
    return target


def restore_backup(backup: Path, path: Path) -> None:
    """Write a backup's contents into `path` with the online backup API (atomic for readers)."""
    src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(path)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def _staged_restore(backup: Path, path: Path) -> Path:
    """Copy a backup into a temporary file beside `path` (renamed into place by the caller)."""
    partial = path.with_name(path.name + ".restoring")
    partial.unlink(missing_ok=True)
    try:
        restore_backup(backup, partial)
    except (sqlite3.Error, OSError) as error:
        partial.unlink(missing_ok=True)
        raise explain(path, error, doing="restoring your progress from a backup") from error
    return partial


def restore_into_new_file(backup: Path, path: Path) -> None:
    """Copy a backup to a temporary file beside `path`, then rename it into place."""
    partial = _staged_restore(backup, path)
    try:
        partial.replace(path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise explain(path, error, doing="restoring your progress from a backup") from error


def newest_good_backup(backup_dir: Path) -> BackupInfo | None:
    """The newest backup that passes the full check (None if there is none)."""
    for backup in list_backups(backup_dir):
        try:
            if not full_check(backup.path):
                return backup
        except StoreError:
            continue
    return None


def _need_exclusive(lock: FolderLock | None, path: Path) -> None:
    if lock is None or not lock.try_exclusive():
        log.warning("recovery of %s refused: the data folder is in use", path)
        raise StoreError(
            f"{path} needs recovery, but another Cairn (a window or a command) is using this "
            "data folder, so nothing was moved. Close it, then open Cairn again or run "
            "'cairn check'."
        )


def _swap_in(backup: BackupInfo | None, path: Path, label: str) -> Path | None:
    """Stage the backup first (a full disk stops here, with nothing moved), then move the
    current file aside and rename the staged copy into its place."""
    staged = _staged_restore(backup.path, path) if backup is not None else None
    try:
        kept = move_aside(path, label=label) if path.exists() else None
    except OSError as error:
        if staged is not None:
            staged.unlink(missing_ok=True)
        raise explain(path, error, doing="moving the damaged file aside") from error
    if staged is not None:
        staged.replace(path)
    return kept


def recover(
    path: Path, backup_dir: Path, problems: list[str], lock: FolderLock | None = None
) -> RecoveryNotice:
    """Move the damaged file aside and restore the newest backup that passes a full check.

    Needs the folder lock exclusively: a file another Cairn process has open is never renamed.
    The backup is copied before anything is moved, so a full disk leaves the file in place."""
    _need_exclusive(lock, path)
    try:
        backup = newest_good_backup(backup_dir)
        damaged = _swap_in(backup, path, "damaged")
        log.warning("moved damaged %s aside to %s (%s)", path, damaged, "; ".join(problems[:3]))
        if backup is not None:
            log.warning("restored %s from %s", path, backup.path)
        return RecoveryNotice(damaged, backup, tuple(problems))
    finally:
        if lock is not None:
            lock.back_to_shared()


def recover_missing(
    path: Path, backup_dir: Path, lock: FolderLock | None, *, state: str = "missing"
) -> RecoveryNotice | None:
    """A missing or empty database with a good backup: restore the newest good backup.

    Returns None when there is no backup (a brand-new folder: nothing to say)."""
    backup = newest_good_backup(backup_dir)
    if backup is None:
        return None
    _need_exclusive(lock, path)
    try:
        kept = _swap_in(backup, path, "empty")
        log.warning("progress file %s was %s; restored from %s", path, state, backup.path)
        return RecoveryNotice(kept, backup, (state,))
    finally:
        if lock is not None:
            lock.back_to_shared()
