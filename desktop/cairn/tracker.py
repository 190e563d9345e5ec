"""The one object the window and the command line talk to: content plus the learner's progress.

Opened with explicit paths. Every mutation is one transaction that reads the old value inside
it and returns a `Change` saying what changed, so views refresh only what they must.

`Tracker` is composed of the parts in `cairn.tracking`, one job each (reads, changes, study,
safety, content packs, importing, practice); this module opens and closes it and loads the
packs. Other modules import the tracker's names from here only.
"""

from __future__ import annotations

import contextlib
import errno
from collections.abc import Callable, Sequence
from pathlib import Path

from .content import Curriculum
from .packs import DisabledPack, load_packs
from .snapshot import ProgressSnapshot
from .store import Database
from .store.backup import BackupInfo
from .store.errors import DamagedDatabaseError, StoreError, error_name
from .store.opening import OpenedDatabase, begin_open
from .store.recovery import RecoveryNotice
from .tracking.content import Content
from .tracking.importing import Importing, ImportPlanLike, PlanT
from .tracking.practice_changes import PracticeChanges
from .tracking.reads import KEPT_ACROSS_UNDO, TIMER_SETTING
from .tracking.safety import Safety
from .tracking.study import Study
from .tracking.values import Change, Clock, TimerStep, TrackerError, utc_now

BACKUPS_FOLDER = "backups"
SNAPSHOT_FILE = "summary.sqlite3"

# What the window and the command line may name without importing the store.
__all__ = [
    "KEPT_ACROSS_UNDO",
    "TIMER_SETTING",
    "BackupInfo",
    "Change",
    "Clock",
    "ImportPlanLike",
    "PlanT",
    "ProgressSnapshot",
    "RecoveryNotice",
    "StoreError",
    "TimerStep",
    "Tracker",
    "TrackerError",
    "error_name",
    "explain_folder_error",
    "utc_now",
]


class Tracker(Study, Safety, Content, Importing, PracticeChanges):
    """Content and progress together: what the GUI and the CLI use."""

    def __init__(
        self,
        curriculum: Curriculum,
        database: Database,
        *,
        clock: Clock = utc_now,
        data_dir: Path | None = None,
        shipped_pack: Path | None = None,
        backup_dir: Path | None = None,
        disabled_packs: Sequence[DisabledPack] = (),
    ) -> None:
        self.curriculum = curriculum
        self.disabled_packs = list(disabled_packs)
        self.pack_notices = [pack.notice for pack in self.disabled_packs]
        self.read_only_reason = ""
        self.recovery_notice = None
        self.open_notice = ""
        self._opened = None
        self._cleanups = []
        self.backup_dir = backup_dir or (
            data_dir / BACKUPS_FOLDER if data_dir else database.path.parent / BACKUPS_FOLDER
        )
        self.shipped_pack = shipped_pack
        self._database = database
        self.data_dir = data_dir
        self._clock = clock
        self._seen_version = None
        self._chosen = {}
        self._counted = None
        self.reload()

    @classmethod
    def open(
        cls,
        data_dir: Path,
        shipped_pack: Path,
        *,
        backup_dir: Path | None = None,
        clock: Clock = utc_now,
        read_only: bool = False,
    ) -> Tracker:
        """Load the shipped pack plus the learner's own packs, then open the database.

        With `read_only` (commands that only show progress) nothing in the data folder is
        created, moved or renamed. SQLite checks the file on its own thread while the packs
        load (store/opening.py `begin_open`), unless a clean check of the file exactly as it is
        was remembered (store/early_check.py); the file is used only once that check passed.
        A trusted file that proves damaged on the first read is opened again, checked."""
        data_dir = Path(data_dir)
        if data_dir.exists() and not data_dir.is_dir():
            raise TrackerError(f"the data folder {data_dir} is a file, not a folder")
        backup_dir = backup_dir or data_dir / BACKUPS_FOLDER
        for trust in (True, False):
            pending = begin_open(data_dir, backup_dir, read_only=read_only, trust=trust)
            try:
                curriculum, disabled = load_packs(Path(shipped_pack), data_dir)
            except BaseException:
                pending.abandon()
                raise
            opened = pending.finish()
            try:
                tracker = cls(
                    curriculum,
                    opened.database,
                    clock=clock,
                    data_dir=data_dir,
                    shipped_pack=Path(shipped_pack),
                    backup_dir=backup_dir,
                    disabled_packs=disabled,
                )
            except DamagedDatabaseError:
                opened.close()
                if not pending.trusted:
                    raise
                continue  # proof of damage the remembered check could not see: check now
            except BaseException:
                opened.close()
                raise
            break
        tracker._opened = opened
        if not read_only:  # a busy or full disk: the id is made on a later open
            with contextlib.suppress(StoreError):
                tracker.ensure_learner_id()
        if isinstance(opened.notice, str):
            tracker.open_notice = opened.notice
        else:
            tracker.recovery_notice = opened.notice
        return tracker

    @classmethod
    def open_snapshot(
        cls,
        folder: Path,
        curriculum: Curriculum,
        plan_for: Callable[[ProgressSnapshot], ImportPlanLike],
        *,
        read_only_reason: str = "",
        on_close: Callable[[], None] | None = None,
    ) -> Tracker:
        """A tracker on a new database in `folder` (a throwaway folder), filled with the plan
        `plan_for` makes against its empty snapshot: a summary opened for reading.

        `read_only_reason` refuses every change in those words; `on_close` runs on close
        (and when opening fails), e.g. to remove the folder."""
        cleanups = [on_close] if on_close is not None else []
        database = Database.open(folder / SNAPSHOT_FILE, folder / BACKUPS_FOLDER)
        try:
            tracker = cls(curriculum, database)
        except BaseException:
            database.close()
            for cleanup in cleanups:
                cleanup()
            raise
        tracker._cleanups += cleanups
        try:
            tracker._database.apply_import(plan_for(tracker.snapshot()))
            tracker.reload()
            tracker.read_only_reason = read_only_reason
        except BaseException:
            tracker.close()
            raise
        return tracker

    def close(self) -> None:
        opened: OpenedDatabase | None = self._opened
        if opened is not None and opened.database is self._database:
            opened.close()
        else:
            self._database.close()
            if opened is not None:
                opened.close()
        for cleanup in self._cleanups:
            cleanup()

    def __enter__(self) -> Tracker:
        """`with Tracker.open(...) as tracker:` closes the tracker when the block ends."""
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def notices(self) -> list[str]:
        """What the learner should be told on opening: recovery, a missing file, packs."""
        found = [self.recovery_notice.message()] if self.recovery_notice else []
        found += [self.open_notice] if self.open_notice else []
        return found + list(self.pack_notices)

    def reload_content(self) -> None:
        """Reload the shipped pack and the added packs (a broken one is disabled and named in
        `pack_notices`), then re-read progress."""
        self.curriculum, disabled = load_packs(self._shipped(), self._data_dir())
        self.disabled_packs = disabled
        self.pack_notices = [pack.notice for pack in disabled]
        self._counted = None  # made from the curriculum just replaced
        self.reload()


def explain_folder_error(folder: Path, error: OSError) -> str:
    """A learner-readable reason why the data folder cannot be used."""
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        reason = "it cannot be written to (read-only, or no permission)"
    elif error.errno == errno.ENOSPC:
        reason = "the disk is full"
    else:
        reason = error.strerror or str(error)
    return f"cannot use the data folder {folder}: {reason}. Nothing was changed."
