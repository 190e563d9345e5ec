"""Backups of the learner's database: consistent copies made with SQLite's online backup API,
thinned like Anki's so that recent history is dense and old history is sparse.

Kept: every backup of the last 48 hours (at most 48 of them), then the newest backup of each
day for 14 days, of each week for 8 weeks and of each month for 12 months. Everything else is
deleted, oldest first. A backup identical to the newest one is not kept twice."""

from __future__ import annotations

import hashlib
import sqlite3
import stat
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

RECENT = timedelta(hours=48)
RECENT_LIMIT = 48
DAILY_DAYS = 14
WEEKLY_WEEKS = 8
MONTHLY_MONTHS = 12
SUFFIX = ".sqlite3"
STAMP = "%Y%m%d-%H%M%S-%f"


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup file, described for the learner."""

    path: Path
    made_at: datetime  # naive UTC
    reason: str
    size: int
    items_done: int | None  # None if the copy cannot be read


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def backup_to(source: Path, backup_dir: Path, *, reason: str, now: datetime | None = None) -> Path:
    """Copy the live database into `backup_dir` consistently, even while it is in use."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = (now or _now()).strftime(STAMP)
    target = backup_dir / f"cairn-{stamp}-{reason}{SUFFIX}"
    partial = target.with_suffix(".partial")
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)  # never leave a half-written copy behind
        partial.with_name(partial.name + "-journal").unlink(missing_ok=True)
        raise
    return target


def _parse(path: Path) -> tuple[datetime, str] | None:
    name = path.name
    if not (name.startswith("cairn-") and name.endswith(SUFFIX)):
        return None
    parts = name[len("cairn-") : -len(SUFFIX)].split("-", 3)
    if len(parts) < 3:
        return None
    try:
        made = datetime.strptime("-".join(parts[:3]), STAMP)
    except ValueError:
        return None
    return made, parts[3] if len(parts) > 3 else ""


def _regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.lstat().st_mode)
    except OSError:
        return False


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def items_done(path: Path) -> int | None:
    """How many items were done in a backup (None if it cannot be read)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return int(
                conn.execute("SELECT count(*) FROM item_state WHERE status = 'done'").fetchone()[0]
            )
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def _backup_files(backup_dir: Path) -> list[tuple[Path, datetime, str]]:
    """Every backup file with its time and reason, newest first, read from the names alone
    (nothing is opened, and a pipe or device with a backup's name is left out)."""
    if not backup_dir.is_dir():
        return []
    found = []
    for path in backup_dir.glob(f"cairn-*{SUFFIX}"):
        parsed = _parse(path)
        if parsed and _regular(path):
            found.append((path, *parsed))
    return sorted(found, key=lambda entry: entry[1], reverse=True)


def newest_backup_time(backup_dir: Path) -> datetime | None:
    """When the newest backup was made (naive UTC), or None when there is none."""
    files = _backup_files(backup_dir)
    return files[0][1] if files else None


def list_backups(backup_dir: Path) -> list[BackupInfo]:
    """Every backup, newest first, described for the learner (each one is opened to count
    its items done)."""
    return [
        BackupInfo(path, made, reason, path.stat().st_size, items_done(path))
        for path, made, reason in _backup_files(backup_dir)
    ]


def backups_to_keep(made: list[datetime], now: datetime) -> set[datetime]:
    """Which backup times the thinning rule keeps (a pure function, tested on its own)."""
    keep: set[datetime] = set()
    newest_first = sorted(made, reverse=True)
    recent = [m for m in newest_first if now - m <= RECENT][:RECENT_LIMIT]
    keep.update(recent)
    buckets: dict[tuple[str, object], datetime] = {}
    for moment in newest_first:
        age = now - moment
        if age <= RECENT:
            continue
        if age <= timedelta(days=DAILY_DAYS):
            key: tuple[str, object] = ("day", moment.date())
        elif age <= timedelta(weeks=WEEKLY_WEEKS):
            key = ("week", tuple(moment.isocalendar())[:2])
        elif age <= timedelta(days=31 * MONTHLY_MONTHS):
            key = ("month", (moment.year, moment.month))
        else:
            continue
        buckets.setdefault(key, moment)  # newest in each bucket
    keep.update(buckets.values())
    return keep


def make_backup(
    source: Path, backup_dir: Path, *, reason: str, now: datetime | None = None
) -> Path | None:
    """Back up, drop the copy if it equals the newest backup, then thin the folder.

    Returns the new backup, or None when nothing had changed since the last one."""
    moment = now or _now()
    previous = _backup_files(backup_dir)
    target = backup_to(source, backup_dir, reason=reason, now=moment)
    if previous and previous[0][0] != target and _digest(previous[0][0]) == _digest(target):
        target.unlink()
        return None
    thin(backup_dir, moment)
    return target


def _remove_stale_partials(backup_dir: Path, now: datetime) -> None:
    """Half-written copies left by a process that was killed mid-backup (over an hour old)."""
    for partial in backup_dir.glob("cairn-*.partial"):
        parsed = _parse(partial.with_suffix(SUFFIX))
        if parsed is not None and now - parsed[0] > timedelta(hours=1):
            partial.unlink(missing_ok=True)


def thin(backup_dir: Path, now: datetime | None = None) -> list[Path]:
    """Delete the backups the thinning rule does not keep; return what was deleted."""
    _remove_stale_partials(backup_dir, now or _now())
    backups = _backup_files(backup_dir)
    keep = backups_to_keep([made for _path, made, _reason in backups], now or _now())
    removed = []
    for path, made, _reason in backups:
        if made not in keep:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed
