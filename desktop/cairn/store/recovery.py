"""Integrity checks and recovery: a damaged database is moved aside (never deleted) and the
newest backup that passes a full check takes its place."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .backup import BackupInfo, list_backups


def _problems(path: Path, pragma: str) -> list[str]:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as error:
        return [f"cannot be opened: {error}"]
    try:
        rows = conn.execute(pragma).fetchall()
        found = [str(r[0]) for r in rows if str(r[0]) != "ok"] if "check" in pragma else []
        if pragma.startswith("PRAGMA integrity_check") and not found:
            fk = conn.execute("PRAGMA foreign_key_check").fetchall()
            found += [f"row {r[1]} of {r[0]} refers to a missing {r[2]} row" for r in fk]
        return found
    except sqlite3.DatabaseError as error:
        return [str(error)]
    finally:
        conn.close()


def quick_check(path: Path) -> list[str]:
    """SQLite's quick_check: fast, catches most damage (run on every open)."""
    return _problems(path, "PRAGMA quick_check")


def full_check(path: Path) -> list[str]:
    """integrity_check plus foreign_key_check: everything SQLite can verify."""
    return _problems(path, "PRAGMA integrity_check")


@dataclass(frozen=True)
class RecoveryNotice:
    """What recovery did, in words for the learner."""

    damaged_copy: Path
    restored: BackupInfo | None
    problems: tuple[str, ...]

    def message(self) -> str:
        why = self.problems[0] if self.problems else "unreadable"
        head = (f"Your progress file was damaged ({why}). It was moved aside, not deleted: "
                f"{self.damaged_copy}.")
        if self.restored is None:
            return head + (" No good backup was found, so Cairn started a new, empty progress "
                           "file. The damaged copy is kept for recovery by hand.")
        when = self.restored.made_at.replace(tzinfo=UTC).astimezone()
        done = (f" ({self.restored.items_done} items done)"
                if self.restored.items_done is not None else "")
        stamp = when.strftime("%A %d %B %Y at %H:%M")
        return head + (f" Your progress was restored from the backup of {stamp}{done}; "
                       "changes made after that time are not in it.")


def move_aside(path: Path, now: datetime | None = None) -> Path:
    """Rename the database and its WAL/SHM files out of the way; return the new name."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
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


def recover(path: Path, backup_dir: Path, problems: list[str]) -> RecoveryNotice:
    """Move the damaged file aside and restore the newest backup that passes a full check."""
    damaged = move_aside(path)
    for backup in list_backups(backup_dir):
        if not full_check(backup.path):
            restore_backup(backup.path, path)
            return RecoveryNotice(damaged, backup, tuple(problems))
    return RecoveryNotice(damaged, None, tuple(problems))
