"""A frozen picture of the learner's progress: what reports and the importer read.

`Tracker.snapshot()` builds one; reports, the JSON export and the import planner are pure
functions of it, so they sit below the tracker and never see the database. Everything here is a
value: no Qt, no SQLAlchemy, no tracker. Maps are read-only views and lists are tuples, so a
report cannot change what another one reads.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

from .content import Curriculum
from .plan import Pace, PlanSettings, pace
from .progress import Progress, progress_of
from .readiness import ReadinessModel
from .records import (
    ChoiceRecord,
    CommentRecord,
    EvidenceRecord,
    HistoryEntry,
    NoteRecord,
    SessionRecord,
    StatusRecord,
    VerificationRecord,
)
from .study import StudyStats
from .study import stats as study_stats

if TYPE_CHECKING:
    from .practice.retention import AreaRetention

LEARNER_NAME = "learner_name"
MENTOR_QUESTIONS = "mentor_questions"
NEXT_GOALS = "next_goals"
LAST_EXPORT = "last_export_at"
PRIMARY_ROLE = "primary_role"
TARGET_ROLES = "target_roles"
PLAN = "plan"
LEARNER_ID = "learner_id"
LAST_SENT = "last_sent"
DESIRED_RETENTION = "desired_retention"
SNAPSHOT_SETTINGS = (
    LEARNER_ID,
    LAST_SENT,
    LEARNER_NAME,
    MENTOR_QUESTIONS,
    NEXT_GOALS,
    LAST_EXPORT,
    PRIMARY_ROLE,
    TARGET_ROLES,
    PLAN,
    DESIRED_RETENTION,
)

__all__ = [
    "DESIRED_RETENTION",
    "LAST_EXPORT",
    "LAST_SENT",
    "LEARNER_ID",
    "LEARNER_NAME",
    "MENTOR_QUESTIONS",
    "NEXT_GOALS",
    "SNAPSHOT_SETTINGS",
    "CardStateRecord",
    "CardTextRecord",
    "OwnCardRecord",
    "PracticeRecords",
    "ProgressSnapshot",
    "ReviewRow",
    "SentReport",
    "StoredChange",
    "StoredHistory",
    "plan_from_setting",
    "target_roles_of",
]


def plan_from_setting(raw: Any) -> PlanSettings | None:
    """The stored plan setting as a plan (None until chosen, or when it cannot be read)."""
    if not isinstance(raw, dict):
        return None
    try:
        return PlanSettings(date.fromisoformat(str(raw["start"])), float(raw["hours_per_week"]))
    except (KeyError, ValueError, TypeError):
        return None


def target_roles_of(curriculum: Curriculum, primary: Any, others: Any) -> tuple[str, ...]:
    """The primary role first, then the other targeted roles; roles the curriculum does not
    have are left out (a stored primary role it does not have counts as none)."""
    first = primary if isinstance(primary, str) and primary in curriculum.roles else ""
    rest = [r for r in others or [] if isinstance(r, str) and r in curriculum.roles]
    return tuple(([first] if first else []) + [r for r in rest if r != first])


@dataclass(frozen=True, slots=True)
class SentReport:
    """The last summary the learner marked as sent: when, and the numbers it showed (the
    next summary shows the change since)."""

    at: datetime
    overall_percent: float | None
    readiness: Mapping[str, float]

    @classmethod
    def from_setting(cls, raw: Any) -> SentReport | None:
        """The stored `last_sent` setting as a value (None when absent or unreadable)."""
        if not isinstance(raw, dict):
            return None
        try:
            at = datetime.fromisoformat(str(raw["at"]))
        except (KeyError, ValueError):
            return None
        overall = raw.get("overall_percent")
        scores = raw.get("readiness")
        return cls(
            at.replace(tzinfo=None),
            float(overall) if isinstance(overall, int | float) and _is_number(overall) else None,
            MappingProxyType(
                {
                    str(role): float(score)
                    for role, score in (scores.items() if isinstance(scores, dict) else ())
                    if _is_number(score)
                }
            ),
        )

    def as_setting(self) -> dict[str, Any]:
        return {
            "at": self.at.isoformat(),
            "overall_percent": self.overall_percent,
            "readiness": dict(self.readiness),
        }


def _is_number(value: Any) -> bool:
    """A percentage or score as stored: a number from 0 to 100 (a file may hold anything)."""
    return isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 100


#: One status change as the database stores it: (id, from, to, the time's stored text).
StoredChange = tuple[str, str | None, str, str]


def _parse_time(text: str | datetime) -> datetime:
    return text if isinstance(text, datetime) else datetime.fromisoformat(text)


class StoredHistory(Mapping[str, tuple[HistoryEntry, ...]]):
    """Every status change as read from the database: a read-only map of id → history entries
    (oldest first) whose entries are built, and times parsed, only when read. A reader that
    passes the stored times on (the JSON export, through `changes`) never builds an object per
    event, which at 200,000 events was most of an export."""

    __slots__ = ("_by_id", "_changes", "_entries", "_last_done")

    def __init__(self, changes: Iterable[StoredChange]) -> None:
        """`changes` oldest first, as `Database.history_rows` gives them."""
        self._changes: tuple[StoredChange, ...] = tuple(changes)
        self._by_id: dict[str, list[StoredChange]] | None = None
        self._entries: dict[str, tuple[HistoryEntry, ...]] = {}
        self._last_done: Mapping[str, datetime] | None = None

    def changes(self) -> tuple[StoredChange, ...]:
        """Every change as stored, oldest first (in the order of the times' text, as
        `Database.history_rows` reads them)."""
        return self._changes

    def _grouped(self) -> dict[str, list[StoredChange]]:
        if self._by_id is None:
            grouped: dict[str, list[StoredChange]] = {}
            for change in self._changes:
                found = grouped.get(change[0])
                if found is None:
                    grouped[change[0]] = [change]
                else:
                    found.append(change)
            self._by_id = grouped
        return self._by_id

    def __getitem__(self, content_id: str) -> tuple[HistoryEntry, ...]:
        entries = self._entries.get(content_id)
        if entries is None:
            entries = tuple(
                HistoryEntry(old, new, _parse_time(at))
                for _, old, new, at in self._grouped()[content_id]
            )
            self._entries[content_id] = entries
        return entries

    def __iter__(self) -> Iterator[str]:
        return iter(self._grouped())

    def __len__(self) -> int:
        return len(self._grouped())

    def __contains__(self, content_id: object) -> bool:
        return content_id in self._grouped()

    def last_done(self) -> Mapping[str, datetime]:
        """When each id was last marked done: the same answer as `Database.last_done` (the
        latest stored time, which for the store's fixed-width times is the latest in time),
        in the order `last_done_of` gives (ids as first changed), parsing one time per id
        rather than every event's; worked out once, when first asked (a JSON export never
        asks)."""
        if self._last_done is None:
            latest: dict[str, str] = {}
            for cid, _, new, at in self._changes:
                if new == "done":
                    latest[cid] = at
            in_order = dict.fromkeys(change[0] for change in self._changes)  # as Mapping iterates
            self._last_done = MappingProxyType(
                {cid: _parse_time(latest[cid]) for cid in in_order if cid in latest}
            )
        return self._last_done


# --- practice: the rows of the practice tables, as values ---------------------------------------
@dataclass(frozen=True, slots=True)
class OwnCardRecord:
    """A card the learner made (table own_card; its card id is "own-<row id>")."""

    card_id: str
    item_id: str
    prompt: str
    answer: str
    tags: tuple[str, ...]
    created_at: datetime


@dataclass(frozen=True, slots=True)
class CardTextRecord:
    """The learner's own wording of a card (table card_text)."""

    card_id: str
    prompt: str
    answer: str
    edited_at: datetime


@dataclass(frozen=True, slots=True)
class CardStateRecord:
    """What the scheduler knows of one card, and whether it is suspended (table card_state).
    `state`: 1 learning, 2 review, 3 relearning (fsrs.State); None, with no due time, for a
    card suspended before it was ever reviewed."""

    card_id: str
    due: datetime | None
    stability: float | None
    difficulty: float | None
    state: int | None
    step: int | None
    last_review: datetime | None
    reps: int = 0
    lapses: int = 0
    suspended: bool = False


class ReviewRow(NamedTuple):
    """One row of the review log, without its local row id (rating 1 again .. 4 easy). A
    named tuple: a learner may have 100,000 of them, made five times faster than a frozen
    dataclass."""

    card_id: str
    rating: int
    reviewed_at: datetime
    duration_ms: int | None = None
    mode: str = "review"  # "review" | "drill"


@dataclass(frozen=True)
class PracticeRecords:
    """Everything stored about practice: own cards, the learner's card edits, card states
    (suspended ones too) and the review log, oldest review first. Cards are named by id only,
    so a retired card keeps its rows."""

    own_cards: tuple[OwnCardRecord, ...] = ()
    texts: tuple[CardTextRecord, ...] = ()
    states: tuple[CardStateRecord, ...] = ()
    reviews: tuple[ReviewRow, ...] = ()

    def __post_init__(self) -> None:
        for name in ("own_cards", "texts", "states", "reviews"):
            object.__setattr__(self, name, tuple(getattr(self, name)))

    @property
    def empty(self) -> bool:
        return not (self.own_cards or self.texts or self.states or self.reviews)


def _read_only(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    """A read-only view of a private copy of `mapping`."""
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True, eq=False)
class ProgressSnapshot:
    """The learner's progress at one moment, with the reads reports make of it.

    `statuses` are the current items' statuses (old ids resolved to new ones); `records` are
    the stored statuses under the ids they were saved with. `settings` holds the raw values of
    SNAPSHOT_SETTINGS. The folders are what an export must never write into."""

    curriculum: Curriculum
    now: datetime
    statuses: Mapping[str, str]
    choice_records: Mapping[str, ChoiceRecord] = field(default_factory=dict)
    records: Mapping[str, StatusRecord] = field(default_factory=dict)
    reading_records: Mapping[str, StatusRecord] = field(default_factory=dict)
    history: Mapping[str, Sequence[HistoryEntry]] = field(default_factory=dict)
    notes: Mapping[str, NoteRecord] = field(default_factory=dict)
    evidence: tuple[EvidenceRecord, ...] = ()
    sessions: tuple[SessionRecord, ...] = ()
    settings: Mapping[str, Any] = field(default_factory=dict)
    comments: tuple[CommentRecord, ...] = ()
    verified: Mapping[str, VerificationRecord] = field(default_factory=dict)
    last_done: Mapping[str, datetime] | None = None  # stored id -> last marked done
    data_folder: Path | None = None
    backup_dir: Path | None = None
    practice: PracticeRecords = PracticeRecords()
    retention: tuple[AreaRetention, ...] = ()  # per skill area, at `now` (cairn.practice)

    def __post_init__(self) -> None:
        """Keep private, read-only copies, so the snapshot never changes after it is made."""
        history = (
            self.history  # already read-only, its entries built when read
            if isinstance(self.history, StoredHistory)
            else _read_only({cid: tuple(entries) for cid, entries in self.history.items()})
        )
        for name, value in (
            ("statuses", self.statuses),
            ("records", self.records),
            ("reading_records", self.reading_records),
            ("notes", self.notes),
            ("settings", self.settings),
            ("choice_records", self.choice_records),
            ("verified", self.verified),
        ):
            object.__setattr__(self, name, _read_only(value))
        object.__setattr__(self, "history", history)
        if self.last_done is not None or not isinstance(history, StoredHistory):
            object.__setattr__(self, "last_done", _read_only(self.done_moments()))
        # else: the stored history works it out when first asked (done_moments)
        object.__setattr__(self, "evidence", tuple(self.evidence))
        object.__setattr__(self, "sessions", tuple(self.sessions))
        object.__setattr__(self, "comments", tuple(self.comments))
        object.__setattr__(self, "retention", tuple(self.retention))

    def done_moments(self) -> Mapping[str, datetime]:
        """When each stored id was last marked done: as read from the database's aggregate, or
        (a snapshot made without it) from the full history (a stored one answers it once)."""
        if self.last_done is not None:
            return self.last_done
        if isinstance(self.history, StoredHistory):
            return self.history.last_done()
        from .history import last_done_of

        return last_done_of(self.history)

    # --- statuses and progress ---------------------------------------------------------------
    def status(self, content_id: str) -> str:
        """A current item's status ('todo' when it has none)."""
        return self.statuses.get(content_id, "todo")

    def reading_status(self, reading_id: str) -> str:
        record = self.reading_records.get(reading_id)
        return record.status if record is not None else "unread"

    @cached_property
    def chosen(self) -> Mapping[str, tuple[str, ...]]:
        """The options chosen in each choice group."""
        return MappingProxyType({g: c.options for g, c in self.choice_records.items() if c.options})

    @cached_property
    def counted(self) -> Curriculum:
        """The curriculum as it counts for this learner: options of a choice group they did
        not choose are left out (an open choice counts as its cheapest option)."""
        return self.curriculum.counted(self.chosen)

    def overall_progress(self) -> Progress:
        return progress_of(self.counted.items.values(), self.statuses)

    def month_progress(self, month_id: str) -> Progress:
        return progress_of(self.counted.month_items(month_id), self.statuses)

    # --- evidence and readiness --------------------------------------------------------------
    @cached_property
    def _evidence_by_id(self) -> Mapping[str, tuple[EvidenceRecord, ...]]:
        found: dict[str, list[EvidenceRecord]] = {}
        for link in self.evidence:
            found.setdefault(link.content_id, []).append(link)
        return MappingProxyType({cid: tuple(links) for cid, links in found.items()})

    def evidence_for(self, content_id: str) -> tuple[EvidenceRecord, ...]:
        """The evidence links of one milestone, oldest first."""
        return self._evidence_by_id.get(content_id, ())

    @cached_property
    def _readiness(self) -> ReadinessModel:
        proven = frozenset(self._evidence_by_id) | frozenset(self.verified)
        return ReadinessModel(self.counted, self.statuses, proven)

    def readiness(self) -> ReadinessModel:
        """Readiness for every role from these statuses and evidence (computed once)."""
        return self._readiness

    # --- settings ------------------------------------------------------------------------------
    def _text(self, key: str) -> str:
        return str(self.settings.get(key) or "")

    @property
    def learner_id(self) -> str:
        """The learner's stable id (a UUID; '' in a folder not yet opened for writing)."""
        return self._text(LEARNER_ID)

    @property
    def last_sent(self) -> SentReport | None:
        """The last summary marked as sent (None before the first)."""
        return SentReport.from_setting(self.settings.get(LAST_SENT))

    @property
    def learner_name(self) -> str:
        """The learner's display name ('' until chosen)."""
        return self._text(LEARNER_NAME)

    @property
    def mentor_questions(self) -> str:
        return self._text(MENTOR_QUESTIONS)

    @property
    def next_goals(self) -> str:
        return self._text(NEXT_GOALS)

    @property
    def last_export(self) -> datetime | None:
        """Where the next summary's period starts: when the last summary was marked as sent
        (or, in a folder from before "marked as sent", when the last one was exported)."""
        sent = self.last_sent
        if sent is not None:
            return sent.at
        raw = self.settings.get(LAST_EXPORT)
        return datetime.fromisoformat(raw) if isinstance(raw, str) else None

    def comments_on(self, content_id: str) -> tuple[CommentRecord, ...]:
        """A mentor's comments on one item ('' : the overall notes), oldest first."""
        return tuple(c for c in self.comments if c.content_id == content_id)

    @cached_property
    def _roles(self) -> tuple[str, ...]:
        return target_roles_of(
            self.curriculum, self.settings.get(PRIMARY_ROLE), self.settings.get(TARGET_ROLES)
        )

    @property
    def primary_role(self) -> str:
        """The learner's primary target role ('' until chosen)."""
        primary = self.settings.get(PRIMARY_ROLE)
        return self._roles[0] if self._roles and self._roles[0] == primary else ""

    @property
    def target_roles(self) -> tuple[str, ...]:
        """The primary role first, then the other roles the learner targets."""
        return self._roles

    @property
    def plan(self) -> PlanSettings | None:
        return plan_from_setting(self.settings.get(PLAN))

    # --- study and pace ------------------------------------------------------------------------
    def study(self, today: date | None = None) -> StudyStats:
        """Study totals and streaks on `today` (default: the snapshot's day)."""
        return study_stats(self.sessions, today or self.now.date())

    def pace(self, today: date | None = None) -> Pace | None:
        """Where the learner is against the plan (None until a plan is set)."""
        settings = self.plan
        if settings is None:
            return None
        return pace(self.counted, self.statuses, settings, today or self.now.date())
