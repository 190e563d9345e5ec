"""The learner's data in SQLite: status and history, notes, evidence, settings."""

from .database import (
    Database,
    EvidenceRecord,
    HistoryEntry,
    NewerDatabaseError,
    NoteRecord,
    StatusRecord,
    StoreError,
)

__all__ = [
    "Database",
    "EvidenceRecord",
    "HistoryEntry",
    "NewerDatabaseError",
    "NoteRecord",
    "StatusRecord",
    "StoreError",
]
