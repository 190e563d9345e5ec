"""The learner's data as SQLAlchemy 2 typed tables. Content is never stored here: rows refer to
curriculum objects by their stable string id."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, ForeignKey, Index, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class ItemState(Base):
    """The current status of one item or milestone."""

    __tablename__ = "item_state"

    content_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    status: Mapped[str] = mapped_column(String(16))
    updated_at: Mapped[datetime]


class StatusChange(Base):
    """Every status change ever made, oldest first: the item's history."""

    __tablename__ = "status_change"
    __table_args__ = (Index("ix_status_change_content", "content_id", "changed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    content_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("item_state.content_id", ondelete="CASCADE")
    )
    old_status: Mapped[str | None] = mapped_column(String(16))
    new_status: Mapped[str] = mapped_column(String(16))
    changed_at: Mapped[datetime]


class Note(Base):
    """The learner's Markdown note on an item; private notes never leave the app."""

    __tablename__ = "note"

    content_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    body: Mapped[str] = mapped_column(Text)
    private: Mapped[bool] = mapped_column(default=False)
    updated_at: Mapped[datetime]


class Evidence(Base):
    """A link proving a milestone: repository, write-up, demo."""

    __tablename__ = "evidence"
    # ids are never reused: an undo step that remembers a removed link cannot mistake a newer one
    __table_args__ = (Index("ix_evidence_content", "content_id"), {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    content_id: Mapped[str] = mapped_column(String(64))
    url: Mapped[str] = mapped_column(Text)
    added_at: Mapped[datetime]


class ReadingState(Base):
    """How far the learner is with one reading: unread (no row), reading or read."""

    __tablename__ = "reading_state"

    content_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    status: Mapped[str] = mapped_column(String(16))
    updated_at: Mapped[datetime]


class StudySession(Base):
    """Time spent on an item or a reading: timed in the app, entered by hand, or logged."""

    __tablename__ = "study_session"
    __table_args__ = (
        Index("ix_study_session_started", "started_at"),
        {"sqlite_autoincrement": True},  # ids are never reused (see Evidence)
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    content_id: Mapped[str] = mapped_column(String(64))
    started_at: Mapped[datetime]
    minutes: Mapped[int]
    source: Mapped[str] = mapped_column(String(16))


class ReadingCopy(Base):
    """A file the learner saved for reading offline; Cairn never downloads anything."""

    __tablename__ = "reading_copy"

    content_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    path: Mapped[str] = mapped_column(Text)
    added_at: Mapped[datetime]


class Setting(Base):
    """A learner preference, stored as JSON text."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Choice(Base):
    """The options a learner chose in one choice group (elective), as a JSON list of ids."""

    __tablename__ = "choice"

    group_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    options: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime]


class MentorComment(Base):
    """A mentor's comment from a feedback file; content id "" holds the overall note."""

    __tablename__ = "mentor_comment"
    __table_args__ = (
        Index("ix_mentor_comment_content", "content_id", "written_at"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    content_id: Mapped[str] = mapped_column(String(64))
    body: Mapped[str] = mapped_column(Text)
    mentor: Mapped[str] = mapped_column(String(200))
    written_at: Mapped[datetime]
    received_at: Mapped[datetime]


class Verification(Base):
    """A milestone whose evidence a mentor verified."""

    __tablename__ = "verification"

    content_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    verified_at: Mapped[datetime]
    mentor: Mapped[str] = mapped_column(String(200))


class OwnCard(Base):
    """A practice card the learner made on an item (its card id is "own-<id>")."""

    __tablename__ = "own_card"
    # ids are never reused: a removed card's review rows never pass to a newer card
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    item_id: Mapped[str] = mapped_column(String(64))
    prompt: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    tags: Mapped[str] = mapped_column(Text)  # a JSON list of tags
    created_at: Mapped[datetime]


class CardText(Base):
    """The learner's own version of a shipped card's prompt and answer."""

    __tablename__ = "card_text"

    card_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    prompt: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    edited_at: Mapped[datetime]


class CardSchedule(Base):
    """What FSRS knows of one card (`state` NULL: never reviewed), and whether the learner
    suspended it."""

    __tablename__ = "card_state"
    __table_args__ = (Index("ix_card_state_due", "due"),)

    card_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    due: Mapped[datetime | None]
    stability: Mapped[float | None] = mapped_column(Float)
    difficulty: Mapped[float | None] = mapped_column(Float)
    state: Mapped[int | None]
    step: Mapped[int | None]
    last_review: Mapped[datetime | None]
    reps: Mapped[int]
    lapses: Mapped[int]
    suspended: Mapped[bool]


class Review(Base):
    """One review of a card: the rating 1..4 (again, hard, good, easy), when, how long it
    took and in which mode ("review" or "drill"). Kept so FSRS can be optimised later."""

    __tablename__ = "review_log"
    __table_args__ = (
        Index("ix_review_log_card", "card_id", "reviewed_at"),
        Index("ix_review_log_time", "reviewed_at"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    card_id: Mapped[str] = mapped_column(String(64))
    rating: Mapped[int]
    reviewed_at: Mapped[datetime]
    duration_ms: Mapped[int | None]
    mode: Mapped[str] = mapped_column(String(16))
