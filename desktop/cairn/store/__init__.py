"""The learner's data in SQLite: status and history, notes, evidence, settings.

Only the tracker imports this package; the values it reads come from `cairn.records`."""

from ..records import EvidenceRecord, HistoryEntry, NoteRecord, SessionRecord, StatusRecord
from .database import (
    BusyDatabaseError,
    DamagedDatabaseError,
    Database,
    DiskError,
    NewerDatabaseError,
    StoreError,
)

__all__ = [
    "BusyDatabaseError",
    "DamagedDatabaseError",
    "Database",
    "DiskError",
    "EvidenceRecord",
    "HistoryEntry",
    "NewerDatabaseError",
    "NoteRecord",
    "SessionRecord",
    "StatusRecord",
    "StoreError",
]
