"""The learner's stored progress as plain values: what the store reads and the tracker hands on.

Frozen dataclasses only: no SQLAlchemy, no Qt, no database. The store builds them from rows;
reports, the importer and the window read them without knowing where they came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

__all__ = ["EvidenceRecord", "HistoryEntry", "NoteRecord", "SessionRecord", "StatusRecord"]


@dataclass(frozen=True, slots=True)
class StatusRecord:
    """An item's or reading's stored status and when it was set (naive UTC)."""

    status: str
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One status change (`old_status` is None for the first)."""

    old_status: str | None
    new_status: str
    changed_at: datetime


@dataclass(frozen=True, slots=True)
class NoteRecord:
    """An item's Markdown note; private notes never leave in an export."""

    body: str
    private: bool
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class SessionRecord:
    """A study session on an item, milestone or reading."""

    id: int
    content_id: str
    started_at: datetime
    minutes: int
    source: str


@dataclass(frozen=True, slots=True)
class EvidenceRecord:
    """A proof link attached to a project milestone."""

    id: int
    content_id: str
    url: str
    added_at: datetime


@dataclass(frozen=True, slots=True)
class ChoiceRecord:
    """The options chosen in one choice group, and when."""

    options: tuple[str, ...]
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class CommentRecord:
    """A mentor's comment on an item or milestone (`content_id` "" for the overall note),
    received in a feedback file."""

    content_id: str
    body: str
    mentor: str
    written_at: datetime
    received_at: datetime


@dataclass(frozen=True, slots=True)
class VerificationRecord:
    """A mentor confirmed a milestone's evidence (the tier above a linked milestone)."""

    content_id: str
    verified_at: datetime
    mentor: str


def stored_moment(value: object) -> datetime | None:
    """An ISO time read from a setting or a file, as naive UTC like the database keeps times
    (None when it is not one)."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment
