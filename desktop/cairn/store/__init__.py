"""The learner's data in SQLite: status and history, notes, evidence, settings."""

from .database import (
    BusyDatabaseError,
    DamagedDatabaseError,
    Database,
    DiskError,
    EvidenceRecord,
    HistoryEntry,
    NewerDatabaseError,
    NoteRecord,
    SessionRecord,
    StatusRecord,
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
