"""The one object the window and the command line talk to: content plus the learner's progress.

Opened with explicit paths. Every mutation is one transaction and returns a `Change` saying what
changed, so views refresh only what they must.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from . import packs
from .content import Curriculum, Item, PackInfo
from .packs import PACKS_FOLDER, DisabledPack, load_packs
from .plan import Pace, PlanSettings, pace
from .progress import READING_STATUSES, STATUSES, Progress, progress_of
from .readiness import ReadinessModel
from .records import EvidenceRecord, HistoryEntry, NoteRecord, SessionRecord, StatusRecord
from .snapshot import (
    LAST_EXPORT,
    PRIMARY_ROLE,
    SNAPSHOT_SETTINGS,
    TARGET_ROLES,
    ProgressSnapshot,
    plan_from_setting,
    target_roles_of,
)
from .store import DamagedDatabaseError, Database
from .store.backup import (
    BackupInfo,
    backup_to,
    list_backups,
    make_backup,
    newest_backup_time,
)
from .store.errors import StoreError, error_name, explain
from .store.folder_lock import FolderLock, one_at_a_time
from .store.opening import OpenedDatabase, open_database
from .store.recovery import (
    RecoveryNotice,
    confirm_damage,
    full_check,
    recover,
    restore_backup,
)
from .study import StudyStats
from .study import stats as study_stats
from .timer import TimerState

if TYPE_CHECKING:
    from .reports.importer import ExportData, ImportReport

BACKUPS_FOLDER = "backups"
TIMER_SETTING = "study_timer"
log = logging.getLogger("cairn.tracker")
SNAPSHOT_FILE = "summary.sqlite3"

# What the window and the command line may name without importing the store.
__all__ = [
    "BackupInfo",
    "Change",
    "ProgressSnapshot",
    "RecoveryNotice",
    "StoreError",
    "Tracker",
    "TrackerError",
    "error_name",
    "explain_folder_error",
    "utc_now",
]


class ImportPlanLike(Protocol):
    """What the tracker needs of a merge plan (see cairn.reports.importer.ImportPlan)."""

    @property
    def empty(self) -> bool: ...


PlanT = TypeVar("PlanT", bound=ImportPlanLike)

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """Naive UTC timestamps are what the database stores."""
    return datetime.now(UTC).replace(tzinfo=None)


class TrackerError(ValueError):
    """Bad input from the learner (an unknown id, a bad status or URL); nothing was changed."""


@dataclass(frozen=True, slots=True)
class Change:
    """What a mutation changed: its kind ('status', 'note', 'evidence', 'setting') and ids."""

    kind: str
    ids: tuple[str, ...]
    old: Any = None
    new: Any = None

    @property
    def changed(self) -> bool:
        return self.old != self.new


@dataclass(frozen=True, slots=True)
class TimerStep:
    """The study timer as the database held it (its setting; None when no timer) and the
    study session recorded along with it, if any: what a timer change's `old`/`new` carry."""

    setting: dict[str, Any] | None
    session: SessionRecord | None = None


class Tracker:
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
        self.pack_notices: list[str] = [pack.notice for pack in self.disabled_packs]
        self.read_only_reason = ""
        self.recovery_notice: RecoveryNotice | None = None
        self.open_notice = ""
        self._opened: OpenedDatabase | None = None  # set by open(): the lock and scratch files
        self._cleanups: list[Callable[[], None]] = []  # run on close (a summary's folder)
        self.backup_dir = backup_dir or (
            data_dir / BACKUPS_FOLDER if data_dir else database.path.parent / BACKUPS_FOLDER
        )
        self.shipped_pack = shipped_pack
        self._database = database
        self.data_dir = data_dir
        self._clock = clock
        self._statuses: dict[str, str] = {}
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
        created, moved or renamed."""
        data_dir = Path(data_dir)
        if data_dir.exists() and not data_dir.is_dir():
            raise TrackerError(f"the data folder {data_dir} is a file, not a folder")
        curriculum, disabled = load_packs(Path(shipped_pack), data_dir)
        backup_dir = backup_dir or data_dir / BACKUPS_FOLDER
        opened = open_database(data_dir, backup_dir, read_only=read_only)
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
        except BaseException:
            opened.close()
            raise
        tracker._opened = opened
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
        tracker = cls(curriculum, Database.open(folder / SNAPSHOT_FILE, folder / BACKUPS_FOLDER))
        tracker._cleanups += [on_close] if on_close is not None else []
        try:
            tracker._database.apply_import(plan_for(tracker.snapshot()))
            tracker.reload()
            tracker.read_only_reason = read_only_reason
        except BaseException:
            tracker.close()
            raise
        return tracker

    @property
    def database_path(self) -> Path:
        """The database file (for backups, checks and refusing to write over it)."""
        return self._database.path

    def close(self) -> None:
        opened = self._opened
        if opened is not None and opened.database is self._database:
            opened.close()
        else:
            self._database.close()
            if opened is not None:
                opened.close()
        for cleanup in self._cleanups:
            cleanup()

    def notices(self) -> list[str]:
        """What the learner should be told on opening: recovery, a missing file, packs."""
        found = [self.recovery_notice.message()] if self.recovery_notice else []
        found += [self.open_notice] if self.open_notice else []
        return found + list(getattr(self, "pack_notices", []))

    @property
    def read_only(self) -> bool:
        return bool(self.read_only_reason)

    def _writable(self) -> None:
        if self.read_only_reason:
            raise TrackerError(self.read_only_reason)

    # --- backups and checks -------------------------------------------------------------------
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
            self._database = Database.open(path, self.backup_dir)
            if self._opened is not None:
                self._opened.database = self._database
        self.reload()
        return problems, notice

    def _folder_lock(self) -> FolderLock | None:
        opened = self._opened
        return opened.lock if opened is not None else None

    def restore(self, backup: Path) -> Change:
        """Replace the progress with a backup's, after backing up the current state. The Change
        (kind 'all': everything may differ) has that safety backup as `old`: restoring it
        takes this restore back."""
        self._writable()
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
            self._database = Database.open(path, self.backup_dir)
            if self._opened is not None:
                self._opened.database = self._database
        self.reload()
        return Change("all", (str(backup),), str(safety), str(backup))

    # --- the learner's own packs --------------------------------------------------------------
    def apply_import(
        self, plan_for: Callable[[ProgressSnapshot], PlanT]
    ) -> tuple[PlanT, Path | None]:
        """Plan an import with `plan_for` against a fresh snapshot and, unless the plan changes
        nothing, back up and apply it in one transaction, then re-read. One import at a time
        per data folder (each plans against what the database holds). Returns the plan and
        the backup made."""
        with one_at_a_time(self.database_path.parent, "import"):
            plan = plan_for(self.snapshot())
            if plan.empty:
                return plan, None
            try:
                backup = backup_to(self.database_path, self.backup_dir, reason="before-import")
            except (sqlite3.Error, OSError) as error:  # no backup, no import: said in words
                raise explain(
                    self.database_path,
                    error,
                    doing="the backup before the import (so nothing was imported)",
                ) from error
            self._database.apply_import(plan)
            self.reload()
            return plan, backup

    def import_progress(self, path: Path) -> ImportReport:
        """Validate a JSON export completely, back up, then merge it in one transaction
        (newer wins, nothing is deleted); say what was taken and what was left out.

        Raises ImportRefused naming the file and field; then nothing was changed."""
        from .reports import importer

        return self.merge_export(importer.read_export(Path(path)))[0]

    def merge_export(self, data: ExportData) -> tuple[ImportReport, Change]:
        """Back up, then merge an export already read (newer wins, nothing is deleted). The
        Change (kind 'all') names the file; its `new` is the backup made just before (None
        when the import changed nothing): restoring it takes the import back."""
        from .reports import importer

        plan, backup = self.apply_import(
            lambda here: importer.plan_merge(here, data, here.curriculum)
        )
        change = Change("all", (data.path.name,), None, str(backup) if backup else None)
        return importer.ImportReport.from_plan(plan, backup), change

    def remember_export(self, moment: datetime) -> Change:
        """The next summary lists what was completed after `moment` (an export made now)."""
        self._writable()
        return self.set_setting(LAST_EXPORT, moment.isoformat())

    def own_packs(self) -> list[PackInfo]:
        """Packs added by the learner or a mentor (everything after the shipped pack)."""
        return list(self.curriculum.packs[1:])

    def check_pack(self, folder: Path) -> PackInfo:
        """Validate a pack as it would load beside the shipped and the other added packs.

        Raises ContentError listing every problem; a pack with the id of one already added
        is checked as its replacement."""
        return packs.check_pack(Path(folder), self._shipped(), self.curriculum)

    def add_pack(self, folder: Path) -> Change:
        """Validate, then copy the pack's regular files into the data folder and load it.
        Nothing changes if the pack has a problem, cannot be copied, does not load beside the
        others or progress cannot be re-read (a pack it replaced comes back).

        The Change's `new` is the pack's folder, `old` where a replaced pack is held (or
        None): `swap_pack(new, old)` takes it back."""
        self._writable()
        packs_root = self._data_dir() / PACKS_FOLDER
        try:
            info, target, held = packs.add_pack(
                Path(folder), self._shipped(), self.curriculum, packs_root
            )
        except packs.PackFileError as error:
            raise TrackerError(f"{error}; nothing was added") from None
        except OSError as error:
            detail = error.strerror or str(error)
            if error.errno == errno.ENOSPC:
                detail = f"the disk is full ({detail})"
            raise TrackerError(
                f"the pack could not be copied into {packs_root}: {detail}; nothing was added"
            ) from None
        change = Change("content", (info.id,), str(held) if held else None, str(target))
        self._load_or_take_back(change, "nothing was added", drop=True)
        return change

    def remove_pack(self, pack_id: str) -> Change:
        """Remove an added pack, found by its id or (a disabled pack) its folder name; progress
        on its items stays in the database. The folder is held in <data>/packs-removed (the
        Change's `old`; `new` is the folder) so that `swap_pack(new, old)` puts it back."""
        self._writable()
        folder = packs.find_pack_folder(self._data_dir(), self.curriculum, pack_id)
        if folder is None:
            raise TrackerError(f"there is no added pack '{pack_id}'")
        return self.swap_pack(folder, None, ident=pack_id)

    def swap_pack(self, folder: Path, back: Path | None, *, ident: str = "") -> Change:
        """Hold the pack in `folder` (if any) in <data>/packs-removed and move the held pack
        `back` into its place (if given), then reload: undo and redo of a pack change. The
        Change's `old` is where the displaced pack is held, `new` the folder, so that
        `swap_pack(new, old)` takes this back. On any failure nothing is changed."""
        self._writable()
        folder = Path(folder)
        try:
            held = packs.swap(folder, back, self._data_dir() / packs.REMOVED_FOLDER)
        except OSError as error:
            raise TrackerError(
                f"{error.filename or folder}: {error.strerror or error}; the packs were not changed"
            ) from None
        change = Change(
            "content", (ident or folder.name,), str(held) if held else None, str(folder)
        )
        self._load_or_take_back(change, "the packs were not changed")
        return change

    def _load_or_take_back(self, change: Change, nothing: str, *, drop: bool = False) -> None:
        """Reload the content after the pack change `change`; if that fails, or a pack that
        loaded before is now disabled, put the folders back as they were, reload and raise
        (in words ending with `nothing`). `drop` deletes what was put in place (a new copy)."""
        disabled_before = {d.folder for d in self.disabled_packs}
        folder, held = Path(change.new), Path(change.old) if change.old else None
        try:
            self.reload_content()
            broken = [d for d in self.disabled_packs if d.folder not in disabled_before]
            if broken:
                raise TrackerError(f"{broken[0].notice.rstrip('.')}; {nothing}")
        except BaseException:
            displaced = packs.swap(folder, held, self._data_dir() / packs.REMOVED_FOLDER)
            if drop and displaced is not None:
                packs.remove_folder(displaced)
            with contextlib.suppress(Exception):  # the original error is the one to say
                self.reload_content()
            raise

    def reload_content(self) -> None:
        """Reload the shipped pack and the added packs (a broken one is disabled and named in
        `pack_notices`), then re-read progress."""
        self.curriculum, disabled = load_packs(self._shipped(), self._data_dir())
        self.disabled_packs = disabled
        self.pack_notices = [pack.notice for pack in disabled]
        self.reload()

    def _data_dir(self) -> Path:
        if self.data_dir is None:
            raise TrackerError("this tracker was opened without a data folder")
        return self.data_dir

    def _shipped(self) -> Path:
        if self.shipped_pack is None:
            raise TrackerError("this tracker was opened without the shipped pack")
        return self.shipped_pack

    def now(self) -> datetime:
        """The tracker's clock (naive UTC); tests inject their own."""
        return self._clock()

    def reload(self) -> None:
        """Re-read statuses from the database (after another process changed them)."""
        stored = self._database.statuses()
        items = self.curriculum.items
        resolved = {cid: record for cid, record in stored.items() if cid in items}
        for old_id, record in stored.items():
            target = self.curriculum.aliases.get(old_id)
            if target is None or target in stored:
                continue  # not an alias, or the new id has progress of its own
            if target not in resolved or record.updated_at > resolved[target].updated_at:
                resolved[target] = record
        self._statuses = {cid: record.status for cid, record in resolved.items()}
        self._stored_ids = set(stored)
        self._reading_statuses = self._database.reading_statuses()
        self._evidence_ids = self._database.evidence_ids()
        self._notes_seen = {cid: (n.body, n.private) for cid, n in self._database.notes().items()}

    def _snapshot(self) -> tuple[object, ...]:
        """What the learner sees, as last read (notes too: comparing against a fresh read
        would miss a note another process just changed)."""
        return (
            dict(self._statuses),
            dict(self._reading_statuses),
            set(self._evidence_ids),
            dict(getattr(self, "_notes_seen", {})),
        )

    def reload_if_changed(self) -> bool:
        """Re-read if another process committed since the last look; True if anything the
        learner sees changed."""
        version = self._database.data_version()
        if version == getattr(self, "_seen_version", None):
            return False
        self._seen_version = version
        before = self._snapshot()
        self.reload()
        return self._snapshot() != before

    def snapshot(self) -> ProgressSnapshot:
        """The learner's progress now, frozen: what reports, exports and the import planner
        read. Statuses come from the in-memory copy; everything else from one read each."""
        db = self._database
        return ProgressSnapshot(
            curriculum=self.curriculum,
            now=self.now(),
            statuses=self._statuses,
            records=db.statuses(),
            reading_records=db.reading_records(),
            history=db.all_history(),
            notes=db.notes(),
            evidence=tuple(db.evidence()),
            sessions=tuple(db.sessions()),
            settings={key: db.setting(key) for key in SNAPSHOT_SETTINGS},
            data_folder=self.data_folder,
            backup_dir=self.backup_dir,
        )

    @property
    def data_folder(self) -> Path:
        """The folder whose files an export must never replace: the data folder, or the
        database's folder when the tracker was opened without one."""
        return self.data_dir if self.data_dir is not None else self.database_path.parent

    # --- reading ----------------------------------------------------------------------------
    def item(self, content_id: str) -> Item:
        item = self.curriculum.items.get(self.curriculum.resolve(content_id))
        if item is None:
            raise TrackerError(f"there is no item or milestone with id '{content_id}'")
        return item

    def status(self, content_id: str) -> str:
        return self._statuses.get(content_id, "todo")

    def statuses(self) -> dict[str, str]:
        """Status of every current item that has one (the rest are 'todo')."""
        return dict(self._statuses)

    def reading_status(self, reading_id: str) -> str:
        return self._reading_statuses.get(reading_id, "unread")

    def reading_statuses(self) -> dict[str, str]:
        return dict(self._reading_statuses)

    def retired_ids(self) -> list[str]:
        """Ids with saved progress that the loaded curriculum no longer has."""
        return sorted(
            cid
            for cid in self._stored_ids
            if self.curriculum.resolve(cid) not in self.curriculum.items
        )

    def history(self, content_id: str) -> list[HistoryEntry]:
        return self._database.history(content_id)

    def note(self, content_id: str) -> NoteRecord | None:
        return self._database.note(content_id)

    def notes(self) -> dict[str, NoteRecord]:
        return self._database.notes()

    def evidence(self, content_id: str) -> list[EvidenceRecord]:
        return self._database.evidence(content_id)

    def stored_statuses(self) -> dict[str, StatusRecord]:
        """Every stored status with its time, under the ids it was saved with."""
        return self._database.statuses()

    def all_history(self) -> dict[str, list[HistoryEntry]]:
        """Every status change, grouped by id, oldest first."""
        return self._database.all_history()

    def evidence_links(self) -> list[EvidenceRecord]:
        """Every evidence link, oldest first."""
        return self._database.evidence()

    def reading_records(self) -> dict[str, StatusRecord]:
        """Every stored reading status with its time."""
        return self._database.reading_records()

    def data_version(self) -> int:
        """Changes whenever another connection (or process) commits to the file."""
        return self._database.data_version()

    def warm_up(self) -> None:
        """Get the writing machinery ready now (call from a background thread)."""
        self._database.warm_up()

    def setting(self, key: str, default: Any = None) -> Any:
        return self._database.setting(key, default)

    # --- progress ---------------------------------------------------------------------------
    def overall_progress(self) -> Progress:
        return progress_of(self.curriculum.items.values(), self._statuses)

    def month_progress(self, month_id: str) -> Progress:
        return progress_of(self.curriculum.month_items(month_id), self._statuses)

    def week_progress(self, week_id: str) -> Progress:
        return progress_of(self.curriculum.week_items(week_id), self._statuses)

    def project_progress(self, project_id: str) -> Progress:
        return progress_of(self.curriculum.project_items(project_id), self._statuses)

    def has_evidence(self, content_id: str) -> bool:
        return content_id in self._evidence_ids

    # --- plan and study -----------------------------------------------------------------------
    def plan_settings(self) -> PlanSettings | None:
        """The learner's start date and weekly hours (None until chosen)."""
        return plan_from_setting(self.setting("plan"))

    def set_plan(self, start: date, hours_per_week: float) -> Change:
        """Choose when the path starts and how many hours a week it gets (1–60)."""
        self._writable()
        if not 1 <= hours_per_week <= 60:
            raise TrackerError(f"{hours_per_week:g} hours a week is not a plan; choose 1 to 60")
        return self.set_setting(
            "plan", {"start": start.isoformat(), "hours_per_week": hours_per_week}
        )

    def pace(self, today: date | None = None) -> Pace | None:
        settings = self.plan_settings()
        if settings is None:
            return None
        return pace(self.curriculum, self._statuses, settings, today or self._clock().date())

    def sessions(self) -> list[SessionRecord]:
        return self._database.sessions()

    def study(self, today: date | None = None) -> StudyStats:
        return study_stats(self._database.sessions(), today or self._clock().date())

    def log_study(
        self,
        content_id: str,
        minutes: int,
        *,
        started_at: datetime | None = None,
        source: str = "manual",
    ) -> Change:
        """Record time studied on an item, milestone or reading."""
        from .validation import InvalidInput, check_minutes, check_time

        self._writable()
        readings = self.curriculum.readings
        target = content_id if content_id in readings else self.item(content_id).id
        now = self._clock()
        try:
            minutes = check_minutes(minutes)
            moment = (
                check_time(started_at, now, "start time")
                if started_at is not None
                else now - timedelta(minutes=minutes)
            )
        except InvalidInput as error:
            raise TrackerError(f"{target}: {error}") from None
        session_id = self._database.add_session(target, moment, int(minutes), source)
        return Change(
            "study", (target,), None, SessionRecord(session_id, target, moment, minutes, source)
        )

    def _session(self, session_id: int) -> SessionRecord:
        """The stored session with this id; refused in words naming it when there is none."""
        found = [s for s in self._database.sessions() if s.id == session_id]
        if not found:
            raise TrackerError(f"there is no study session {session_id}")
        return found[0]

    def remove_study(self, session_id: int) -> Change:
        """Delete a recorded session; the Change carries the removed record (`old`)."""
        self._writable()
        record = self._session(session_id)
        if not self._database.remove_session(session_id):
            raise TrackerError(f"there is no study session {session_id}")
        return Change("study", (record.content_id,), record, None)

    def edit_study(self, session_id: int, minutes: int, started_at: datetime) -> Change:
        """Change a recorded session's minutes and start time (validated like `log_study`);
        the Change carries the record before (`old`) and after (`new`)."""
        from .store.session_edits import edit_session
        from .validation import InvalidInput, check_minutes, check_time

        self._writable()
        record = self._session(session_id)
        try:
            minutes = check_minutes(minutes)
            moment = check_time(started_at, self._clock(), "start time")
        except InvalidInput as error:
            raise TrackerError(f"study session {session_id}: {error}") from None
        edited = edit_session(self._database, session_id, minutes, moment)
        if edited is None:
            raise TrackerError(f"there is no study session {session_id}")
        return Change("study", (record.content_id,), edited[0], edited[1])

    # --- the study timer ----------------------------------------------------------------------
    def timer(self) -> TimerState | None:
        return TimerState.from_setting(self.setting(TIMER_SETTING))

    def start_timer(self, content_id: str) -> Change:
        """Start timing study on an item or reading (a timer on something else is stopped and
        its time recorded first)."""
        self._writable()
        target = content_id if content_id in self.curriculum.readings else self.item(content_id).id
        current = self.timer()
        if current is not None and current.content_id == target:
            return self._save_timer(current.resumed(self._clock()))
        if current is None:
            return self._save_timer(TimerState(target, self._clock(), 0.0))
        stopped = self.stop_timer()
        started = self._save_timer(TimerState(target, self._clock(), 0.0))
        return Change(
            stopped.kind,
            (target, current.content_id),
            stopped.old,
            TimerStep(started.new.setting, stopped.new.session),
        )

    def pause_timer(self) -> Change:
        current = self._running_timer()
        return self._save_timer(current.paused(self._clock()))

    def resume_timer(self) -> Change:
        current = self._running_timer()
        return self._save_timer(current.resumed(self._clock()))

    def stop_timer(self) -> Change:
        """Stop and record the session (rounded to whole minutes; under a minute is dropped).
        The Change carries the timer before and, after, the session recorded (`TimerStep`)."""
        current = self._running_timer()
        now = self._clock()
        minutes = round(current.elapsed(now) / 60)
        session: SessionRecord | None = None
        if minutes >= 1:  # recorded first: if that fails, the timer is still there
            started = now - timedelta(seconds=current.elapsed(now))
            session = self.log_study(
                current.content_id, min(minutes, 24 * 60), started_at=started, source="timer"
            ).new
        cleared = self.set_setting(TIMER_SETTING, None)
        return Change(
            "study", (current.content_id,), TimerStep(cleared.old), TimerStep(None, session)
        )

    def discard_timer(self) -> Change:
        """Throw the timer away without recording it (`old` says what it was)."""
        self._writable()
        cleared = self.set_setting(TIMER_SETTING, None)
        ids = (cleared.old["content_id"],) if isinstance(cleared.old, dict) else ()
        return Change("timer", ids, TimerStep(cleared.old), TimerStep(None))

    def restore_timer(self, target: TimerStep, current: TimerStep) -> Change:
        """Put the timer back as `target` says (for undo and redo): its session is recorded
        again first, then the timer setting is put back, then the session `current` recorded is
        removed, so a failure part way never loses study time. The Change leads back."""
        self._writable()
        if target.setting is not None and TimerState.from_setting(target.setting) is None:
            raise TrackerError("the study timer to put back is not a timer")
        again: SessionRecord | None = None
        if target.session is not None:
            s = target.session
            again = self.log_study(
                s.content_id, s.minutes, started_at=s.started_at, source=s.source
            ).new
        saved = self.set_setting(TIMER_SETTING, target.setting)
        if current.session is not None:
            self._database.remove_session(current.session.id)
        ids = tuple(
            {x["content_id"] for x in (saved.old, target.setting) if isinstance(x, dict)}
            | {x.content_id for x in (target.session, current.session) if x is not None}
        )
        kind = "study" if target.session or current.session else "timer"
        return Change(
            kind, ids, TimerStep(saved.old, current.session), TimerStep(target.setting, again)
        )

    def _running_timer(self) -> TimerState:
        self._writable()
        current = self.timer()
        if current is None:
            raise TrackerError("no study timer is running")
        return current

    def _save_timer(self, state: TimerState) -> Change:
        saved = self.set_setting(TIMER_SETTING, state.to_setting())
        return Change("timer", (state.content_id,), TimerStep(saved.old), TimerStep(saved.new))

    # --- offline copies of readings ---------------------------------------------------------
    def reading_copies(self) -> dict[str, str]:
        return self._database.reading_copies()

    def set_reading_copy(
        self, reading_id: str, path: Path | str | None, *, must_exist: bool = True
    ) -> Change:
        """Attach a file saved for offline reading (or detach it with None). Cairn keeps only
        the path: the file stays the learner's and is never copied or deleted. The Change
        carries the path the database held before (None: no copy). `must_exist=False` puts
        back a path whose file has gone since (undo and redo)."""
        self._writable()
        if reading_id not in self.curriculum.readings:
            raise TrackerError(f"there is no reading with id '{reading_id}'")
        new: str | None = None
        if path is not None:
            resolved = Path(path).expanduser().resolve()
            if must_exist and not resolved.is_file():
                raise TrackerError(f"{resolved} is not a file; nothing was attached")
            new = str(resolved)
        old = self._database.reading_copies().get(reading_id)
        if old != new:
            self._database.set_reading_copy(reading_id, new, self._clock())
        return Change("reading", (reading_id,), old, new)

    def missing_copies(self) -> dict[str, str]:
        """Attached copies whose file is no longer there."""
        return {rid: p for rid, p in self.reading_copies().items() if not Path(p).is_file()}

    # --- readiness ----------------------------------------------------------------------------
    def readiness(self) -> ReadinessModel:
        """Readiness for every role from the current statuses and evidence."""
        return ReadinessModel(self.curriculum, self._statuses, frozenset(self._evidence_ids))

    def primary_role(self) -> str:
        """The learner's primary target role ('' until chosen)."""
        role = self.setting(PRIMARY_ROLE, "")
        return role if isinstance(role, str) and role in self.curriculum.roles else ""

    def target_roles(self) -> list[str]:
        """The primary role first, then the other roles the learner targets."""
        return list(
            target_roles_of(self.curriculum, self.setting(PRIMARY_ROLE), self.setting(TARGET_ROLES))
        )

    def set_target_roles(self, primary: str, others: Sequence[str] = ()) -> Change:
        """Choose the primary role and any others; unknown role ids are refused."""
        self._writable()
        for role in [primary, *others]:
            if role and role not in self.curriculum.roles:
                raise TrackerError(
                    f"there is no role '{role}' (roles: {', '.join(self.curriculum.roles)})"
                )
        return self.restore_target_roles(
            {
                PRIMARY_ROLE: primary,
                TARGET_ROLES: [r for r in dict.fromkeys(others) if r != primary],
            }
        )

    def restore_target_roles(self, saved: Mapping[str, Any]) -> Change:
        """Write the two target-role settings exactly as given (None: not set), in one
        transaction. The Change carries both settings as the database held them before
        (`old`) and as written (`new`), so undo can put back exactly what was there."""
        self._writable()
        values = {key: saved.get(key) for key in (PRIMARY_ROLE, TARGET_ROLES)}
        old = self._database.set_settings(values)
        return Change("roles", tuple(self.target_roles()), old, values)

    # --- changing ---------------------------------------------------------------------------
    def set_status(self, content_id: str, status: str) -> Change:
        """Set an item's or milestone's status; the old status is kept in its history."""
        change = self.set_statuses({content_id: status})
        return Change("status", change.ids, change.old[0], status)

    def set_statuses(self, wanted: Mapping[str, str]) -> Change:
        """Set several items' statuses in one transaction (a bulk change, or its undo). The
        Change carries, per item in order, the status the database held and the one set."""
        self._writable()
        for status in wanted.values():
            if status not in STATUSES:
                raise TrackerError(f"'{status}' is not a status; use one of: {', '.join(STATUSES)}")
        items = {self.item(content_id).id: status for content_id, status in wanted.items()}
        # The database decides what changed (another process may have changed it since this
        # copy was read); an item without a row is 'todo', or what its old id carried over.
        plan = {
            item_id: (
                status,
                self._statuses.get(item_id, "todo") if item_id not in self._stored_ids else "todo",
            )
            for item_id, status in items.items()
        }
        held = self._database.set_statuses(plan, self._clock())
        olds = tuple(held[item_id] or "todo" for item_id in items)
        for (item_id, status), old in zip(items.items(), olds, strict=True):
            self._statuses[item_id] = status
            if old != status:
                self._stored_ids.add(item_id)
        return Change("status", tuple(items), olds, tuple(items.values()))

    def set_reading_status(self, reading_id: str, status: str) -> Change:
        """Mark a reading unread, reading or read; the Change carries the status the database
        held before."""
        self._writable()
        if status not in READING_STATUSES:
            raise TrackerError(
                f"'{status}' is not a reading status; use one of: {', '.join(READING_STATUSES)}"
            )
        if reading_id not in self.curriculum.readings:
            raise TrackerError(f"there is no reading with id '{reading_id}'")
        old = self._database.reading_statuses().get(reading_id, "unread")  # not a cached copy
        if old != status:
            self._database.set_reading_status(reading_id, status, self._clock())
        if status == "unread":
            self._reading_statuses.pop(reading_id, None)
        else:
            self._reading_statuses[reading_id] = status
        return Change("reading", (reading_id,), old, status)

    def set_note(self, content_id: str, body: str, private: bool | None = None) -> Change:
        """Replace the item's Markdown note (empty text removes it)."""
        from .validation import InvalidInput, check_note

        self._writable()
        item = self.item(content_id)
        try:
            check_note(body)
        except InvalidInput as error:
            raise TrackerError(f"{item.id}: {error}") from None
        # the database says what the note was, read inside the write
        old = self._database.set_note(item.id, body, private, self._clock())
        keep_private = old[1] if private is None and old[0] else bool(private)
        new = (body, keep_private) if body.strip() else ("", False)
        seen = getattr(self, "_notes_seen", {})
        if body.strip():
            seen[item.id] = new
        else:
            seen.pop(item.id, None)
        return Change("note", (item.id,), old, new)

    def keep_unsaved_note(self, content_id: str, body: str) -> Path | None:
        """When a note cannot be saved (a full disk, a refused text), keep a plain copy in
        `<data>/notes-not-saved/<id>.md` (the latest text wins) so that closing the window
        never loses what was typed.
        Returns the copy's path, or None if even that could not be written."""
        if self.data_dir is None or not body.strip():
            return None
        folder = self.data_dir / "notes-not-saved"
        target = folder / f"{content_id}.md"  # the latest unsaved text of this item
        try:
            folder.mkdir(exist_ok=True)
            target.write_text(body, encoding="utf-8", errors="replace")
        except OSError as error:
            log.warning("could not keep an unsaved note for %s: %s", content_id, error)
            return None
        log.warning("kept an unsaved note for %s in %s", content_id, target)
        return target

    def add_evidence(
        self, content_id: str, url: str, *, added_at: datetime | None = None
    ) -> Change:
        """Attach a proof link (http or https) to a project milestone (`added_at` puts back a
        removed link with its own time). The Change carries the new record (`new`)."""
        from .validation import InvalidInput, check_url

        self._writable()
        item = self.item(content_id)
        if not item.is_milestone:
            raise TrackerError(
                f"'{item.id}' is not a project milestone; evidence belongs to milestones"
            )
        try:
            url = check_url(url)
        except InvalidInput as error:
            raise TrackerError(f"{item.id}: {error}") from None
        at = self._clock() if added_at is None else added_at
        new_id = self._database.add_evidence(item.id, url, at)
        self._evidence_ids.add(item.id)
        return Change("evidence", (item.id,), None, EvidenceRecord(new_id, item.id, url, at))

    def remove_evidence(self, evidence_id: int) -> Change:
        """Delete one proof link; the Change carries the removed record (`old`)."""
        self._writable()
        found = [e for e in self._database.evidence() if e.id == evidence_id]
        if not found:
            raise TrackerError(f"there is no evidence link {evidence_id}")
        content_id = self._database.remove_evidence(evidence_id)
        if content_id is None:
            raise TrackerError(f"there is no evidence link {evidence_id}")
        if not self._database.evidence(content_id):
            self._evidence_ids.discard(content_id)
        return Change("evidence", (content_id,), found[0], None)

    def set_setting(self, key: str, value: Any) -> Change:
        """Save one setting (None removes it: its default again); the Change carries what the
        database held before (None: nothing)."""
        from .validation import InvalidInput, check_setting

        try:
            check_setting(key, value)
        except InvalidInput as error:
            raise TrackerError(str(error)) from None
        old = self._database.set_setting(key, value)  # read inside the write
        return Change("setting", (key,), old, value)


def explain_folder_error(folder: Path, error: OSError) -> str:
    """A learner-readable reason why the data folder cannot be used."""
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        reason = "it cannot be written to (read-only, or no permission)"
    elif error.errno == errno.ENOSPC:
        reason = "the disk is full"
    else:
        reason = error.strerror or str(error)
    return f"cannot use the data folder {folder}: {reason}. Nothing was changed."
