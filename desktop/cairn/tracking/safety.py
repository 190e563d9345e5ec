"""Keeping the learner's data safe: rotating backups, the integrity check (recovering a
damaged file from the newest good backup) and restoring a backup the learner chose."""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Collection
from datetime import timedelta
from pathlib import Path

from ..store import DamagedDatabaseError
from ..store.backup import BackupInfo, backup_to, list_backups, make_backup, newest_backup_time
from ..store.errors import StoreError, explain
from ..store.folder_lock import FolderLock
from ..store.recovery import RecoveryNotice, confirm_damage, full_check, recover, restore_backup
from .reads import ProgressReads
from .values import Change, TrackerError

log = logging.getLogger("cairn.tracker")


class Safety(ProgressReads):
    """Backups, checks and restores of the database file."""

    def backup(self, reason: str) -> Path | None:
        """A rotating backup now (None if nothing changed since the last one).

        Raises a StoreError in words (and logs it) when the backup cannot be made."""
        try:
            return make_backup(self._database.path, self.backup_dir, reason=reason)
        except (sqlite3.Error, OSError) as error:
            raise explain(
                self._database.path,
                error,
                doing=f"the {reason} backup",
                consequence="Your progress itself is saved and intact; only this "
                "backup is missing.",
            ) from error

    def backup_if_due(self, reason: str, every: timedelta = timedelta(hours=1)) -> Path | None:
        """A backup unless one was made less than `every` ago (for command-line writes)."""
        newest = newest_backup_time(self.backup_dir)
        if newest is not None and self.now() - newest < every:
            return None
        return self.backup(reason)

    def backups(self) -> list[BackupInfo]:
        return list_backups(self.backup_dir)

    def full_check(self) -> list[str]:
        """The full integrity and foreign-key check of the database file, changing nothing
        (its own connection: safe on a worker thread). Raises a StoreError in words when the
        file is busy or cannot be read."""
        return full_check(self._database.path)

    def check(self) -> tuple[list[str], RecoveryNotice | None]:
        """Back up, then run the full integrity and foreign-key check. A damaged database is
        moved aside and the newest good backup restored (the notice says so)."""
        self._writable()
        with contextlib.suppress(DamagedDatabaseError):  # a damaged file may not back up
            self.backup("before-check")
        problems = full_check(self._database.path)
        if not problems:
            return [], None
        path = self._database.path
        if not confirm_damage(path):
            raise StoreError(
                f"{path}: the check found {problems[0]!r}, but a check of a copy "
                "found the file sound, so nothing was changed. Try again."
            )
        self._database.close()
        try:
            notice = recover(path, self.backup_dir, problems, self._folder_lock())
        finally:
            self._reopen(path)
        self.reload()
        return problems, notice

    def _folder_lock(self) -> FolderLock | None:
        opened = self._opened
        return opened.lock if opened is not None else None

    def _reopen(self, path: Path) -> None:
        """Open the database file again after it was replaced (recovered or restored)."""
        self._database = type(self._database).open(path, self.backup_dir)
        if self._opened is not None:
            self._opened.database = self._database

    def restore(self, backup: Path, *, keep: Collection[str] = ()) -> Change:
        """Replace the progress with a backup's, after backing up the current state. The Change
        (kind 'all': everything may differ) has that safety backup as `old`: restoring it
        takes this restore back. The settings named in `keep` keep the values they have now
        (the window's own notes, such as the report last marked as sent, when an import is
        undone)."""
        self._writable()
        kept = {key: self._database.setting(key) for key in keep}
        problems = full_check(backup)
        if problems:
            raise TrackerError(
                f"the backup {backup} is damaged ({problems[0]}); nothing was changed"
            )
        path = self._database.path
        try:
            safety = backup_to(path, self.backup_dir, reason="before-restore")
        except (sqlite3.Error, OSError) as error:
            raise explain(
                path, error, doing="the backup before restoring (so nothing was restored)"
            ) from error
        self._database.close()
        try:
            restore_backup(backup, path)  # one transaction: all of the backup, or nothing
        except (sqlite3.Error, OSError) as error:
            raise explain(path, error, doing="restoring the backup") from error
        finally:
            self._reopen(path)
        if kept:
            try:
                self._database.set_settings(kept)
            except StoreError as error:  # the restore stands; only these notes went back
                log.warning("settings kept across a restore could not be written: %s", error)
        self.reload()
        return Change("all", (str(backup),), str(safety), str(backup))
