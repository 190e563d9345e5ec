"""The tracker's fields, declared once with their types, and the small helpers every part of
the tracker uses: refusing changes when read-only, the clock, finding an item, one setting."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .values import Clock, TrackerError

if TYPE_CHECKING:
    from ..content import Curriculum, Item
    from ..packs import DisabledPack
    from ..readiness import ReadinessModel
    from ..records import CommentRecord, VerificationRecord
    from ..store import Database
    from ..store.opening import OpenedDatabase
    from ..store.recovery import RecoveryNotice


class TrackerState(ABC):
    """What a tracker holds. The in-memory copies (`_statuses`, `_reading_statuses`,
    `_evidence_ids`, `_notes_seen`) only serve reads; writes refresh them from what the
    database returned."""

    curriculum: Curriculum
    disabled_packs: list[DisabledPack]
    pack_notices: list[str]
    read_only_reason: str
    recovery_notice: RecoveryNotice | None
    open_notice: str
    data_dir: Path | None
    shipped_pack: Path | None
    backup_dir: Path
    _database: Database
    _opened: OpenedDatabase | None  # set by open(): the lock and scratch files
    _cleanups: list[Callable[[], None]]  # run on close (a summary's folder)
    _clock: Clock
    _statuses: dict[str, str]
    _stored_ids: set[str]
    _reading_statuses: dict[str, str]
    _evidence_ids: set[str]
    _notes_seen: dict[str, tuple[str, bool]]
    _chosen: dict[str, tuple[str, ...]]  # choice group id -> the options chosen
    _counted: Curriculum | None  # the curriculum without options that do not count
    _verified: dict[str, VerificationRecord]  # milestones a mentor verified
    _comments: list[CommentRecord]  # mentor comments received, oldest first
    _readiness_model: ReadinessModel | None  # the current one, until a change it depends on
    _seen_version: int | None

    @property
    def read_only(self) -> bool:
        return bool(self.read_only_reason)

    def _writable(self) -> None:
        """Refuse a change (in the words given) when the tracker was opened read-only."""
        if self.read_only_reason:
            raise TrackerError(self.read_only_reason)

    def now(self) -> datetime:
        """The tracker's clock (naive UTC); tests inject their own."""
        return self._clock()

    @property
    def database_path(self) -> Path:
        """The database file (for backups, checks and refusing to write over it)."""
        return self._database.path

    @property
    def data_folder(self) -> Path:
        """The folder whose files an export must never replace: the data folder, or the
        database's folder when the tracker was opened without one."""
        return self.data_dir if self.data_dir is not None else self.database_path.parent

    def _data_dir(self) -> Path:
        if self.data_dir is None:
            raise TrackerError("this tracker was opened without a data folder")
        return self.data_dir

    def _shipped(self) -> Path:
        if self.shipped_pack is None:
            raise TrackerError("this tracker was opened without the shipped pack")
        return self.shipped_pack

    def item(self, content_id: str) -> Item:
        """The item or milestone with this id (or an old id it replaced); refused in words."""
        item = self.curriculum.items.get(self.curriculum.resolve(content_id))
        if item is None:
            raise TrackerError(f"there is no item or milestone with id '{content_id}'")
        return item

    def setting(self, key: str, default: Any = None) -> Any:
        return self._database.setting(key, default)

    @abstractmethod
    def reload_content(self) -> None:
        """Reload the packs, then progress (the facade, `cairn.tracker.Tracker`, loads them)."""
