"""The learner's data in SQLite: status and history, notes, evidence, settings."""

from .database import (
    DamagedDatabaseError,
    Database,
    EvidenceRecord,
    HistoryEntry,
    NewerDatabaseError,
    NoteRecord,
    SessionRecord,
    StatusRecord,
    StoreError,
)

__all__ = [
    "DamagedDatabaseError",
    "Database",
    "EvidenceRecord",
    "HistoryEntry",
    "NewerDatabaseError",
    "NoteRecord",
    "SessionRecord",
    "StatusRecord",
    "StoreError",
]
