"""Scheduling with FSRS through the `fsrs` package (the scheduler Anki uses), not a hand-made
interval rule. fsrs works in aware UTC datetimes; Cairn keeps naive UTC: converted here only.

A new card goes through fsrs's learning steps (1 and 10 minutes: Again and Good keep it within
the day) before it graduates to intervals of days; Easy graduates it at once.

A stored state FSRS cannot use (`cairn.practice.validity`: a stability of 0, a relearning card
without a step, …, left by an older import or a hand edit) never ends in a traceback: grading
starts the card again as if it were new (its review and lapse counts go on), and its recall
probability is 0 (it counts as forgotten in retention until it is graded again)."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache
from typing import TYPE_CHECKING

from .model import REVIEW, CardState, rating_number
from .validity import STABILITY_MAX, usable

if TYPE_CHECKING:
    import fsrs

DEFAULT_RETENTION = 0.9
RETENTION_RANGE = (0.70, 0.99)
_FSRS_ID = 0  # fsrs cards are keyed by an int we do not use (None would sleep 1 ms for one)


def grade(
    state: CardState | None,
    card_id: str,
    rating: int | str,
    now: datetime,
    desired_retention: float = DEFAULT_RETENTION,
    *,
    fuzz: bool = True,
) -> CardState:
    """The card's state after a review rated `rating` (1..4 or its name) at `now` (naive
    UTC); `state` None is a new card, and so is a state FSRS cannot use (see the module).
    `fuzz` spreads intervals of days a little, as Anki does."""
    import fsrs

    number = rating_number(rating)
    known = state if state is not None and usable(state) else None
    card = _to_fsrs(known, now)
    reviewed, _log = _scheduler(desired_retention, fuzz).review_card(
        card, fsrs.Rating(number), _aware(now)
    )
    lapsed = known is not None and known.state == REVIEW and number == 1
    return CardState(
        card_id=card_id,
        due=_naive(reviewed.due),
        stability=None if reviewed.stability is None else min(reviewed.stability, STABILITY_MAX),
        difficulty=reviewed.difficulty,
        state=int(reviewed.state),
        step=reviewed.step,
        last_review=_naive(reviewed.last_review) if reviewed.last_review else None,
        reps=_count(state.reps if state else 0) + 1,
        lapses=_count(state.lapses if state else 0) + int(lapsed),
    )


def _count(value: object) -> int:
    """A stored count of reviews or lapses (a hand-edited one that is not a count is 0)."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0


def recall_probability(state: CardState, now: datetime) -> float:
    """FSRS's probability (0..1) that the card is recalled at `now` (its retrievability);
    0 for a state FSRS cannot use (without a review or a stability, …).

    It is FSRS's forgetting curve with the scheduler's own parameters (its decay is
    `parameters[20]`, as in `fsrs.Scheduler`), taken at the time since the last review in
    fractional days: `Scheduler.get_card_retrievability` counts whole days, so a card rated
    Again an hour ago would read 100 %."""
    if not usable(state) or state.last_review is None or not state.stability:
        return 0.0
    decay = -float(_scheduler(DEFAULT_RETENTION, False).parameters[20])
    factor = 0.9 ** (1 / decay) - 1
    elapsed = max(0.0, (now - state.last_review).total_seconds() / 86_400)
    return float((1 + factor * elapsed / state.stability) ** decay)


def check_retention(value: float) -> float:
    """A desired retention FSRS may aim for (0.70–0.99); ValueError in words."""
    low, high = RETENTION_RANGE
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise ValueError(f"desired retention must be from {low:.2f} to {high:.2f}, not {value!r}")
    return float(value)


@lru_cache(maxsize=8)
def _scheduler(desired_retention: float, fuzz: bool) -> fsrs.Scheduler:
    import fsrs

    return fsrs.Scheduler(desired_retention=check_retention(desired_retention), enable_fuzzing=fuzz)


def _to_fsrs(state: CardState | None, now: datetime) -> fsrs.Card:
    import fsrs

    if state is None:
        return fsrs.Card(card_id=_FSRS_ID, state=fsrs.State.Learning, due=_aware(now))
    return fsrs.Card(
        card_id=_FSRS_ID,
        state=fsrs.State(state.state),
        step=state.step,
        stability=state.stability,
        difficulty=state.difficulty,
        due=_aware(state.due),
        last_review=_aware(state.last_review) if state.last_review else None,
    )


def _aware(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _naive(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(tzinfo=None)
