"""The values of practice: what FSRS knows of a card, one review, a card as the learner sees it.

Times are naive UTC, like every time the store keeps (`cairn.tracking.values.utc_now`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..content.model import Card

#: The four answers to "how well did you recall it?", stored as 1..4 in this order (FSRS's).
RATINGS: tuple[str, ...] = ("again", "hard", "good", "easy")
#: How a review was made: the daily review, or an interview drill.
MODES: tuple[str, ...] = ("review", "drill")
#: The longest a review's duration is kept as (a day): a card left on screen longer counts as a
#: day's review, so every export imports (the importer reads nothing longer).
MAX_DURATION_MS = 24 * 60 * 60 * 1000
#: fsrs.State values (kept here so that reading a state needs no fsrs import).
LEARNING, REVIEW, RELEARNING = 1, 2, 3


def rating_number(rating: str | int) -> int:
    """A rating as its stored number 1..4, from its name or number; ValueError in words."""
    if isinstance(rating, str):
        name = rating.strip().lower()
        if name in RATINGS:
            return RATINGS.index(name) + 1
        if name in ("1", "2", "3", "4"):
            return int(name)
    elif isinstance(rating, int) and not isinstance(rating, bool) and 1 <= rating <= 4:
        return rating
    raise ValueError(f"'{rating}' is not a rating; use one of: {', '.join(RATINGS)} (or 1–4)")


@dataclass(frozen=True, slots=True)
class CardState:
    """What FSRS knows of one reviewed card (a card never reviewed has none)."""

    card_id: str
    due: datetime
    stability: float | None
    difficulty: float | None
    state: int  # fsrs.State value: 1 learning, 2 review, 3 relearning
    step: int | None
    last_review: datetime | None
    reps: int = 0
    lapses: int = 0


@dataclass(frozen=True, slots=True)
class ReviewRecord:
    """One row of the review log (kept so that FSRS's parameters can be optimised later)."""

    id: int
    card_id: str
    rating: int  # 1..4: again, hard, good, easy
    reviewed_at: datetime
    duration_ms: int | None = None
    mode: str = "review"  # "review" | "drill"

    @property
    def rating_name(self) -> str:
        return RATINGS[self.rating - 1] if 1 <= self.rating <= len(RATINGS) else str(self.rating)


@dataclass(frozen=True, slots=True)
class PracticeCard:
    """A card as the learner sees it: their edits applied, with its state and flags."""

    card: Card  # with the learner's edits applied
    state: CardState | None  # None: never reviewed ("new")
    unlocked: bool  # its item is done
    suspended: bool
    edited: bool  # the learner's own version of a shipped card's text

    @property
    def due(self) -> datetime | None:
        return self.state.due if self.state is not None else None

    @property
    def is_new(self) -> bool:
        return self.state is None

    @property
    def id(self) -> str:
        return self.card.id
