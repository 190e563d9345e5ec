"""Which card states the FSRS scheduler can use: the ones it makes itself.

fsrs (>= 6) asserts that a card in review or relearning has a stability and a difficulty (and,
relearning, a step), divides by the stability and raises the difficulty to a negative power, so
a stability of 0 or a difficulty of 0 end in ZeroDivisionError. Every state fsrs writes has a
due time, a stability of at least 0.001, a difficulty from 1 to 10 and a last review; a step
while learning or relearning and none in review. The importer refuses any other state (naming
the field), and the scheduler treats one found in a database anyway (an older import, a hand
edit) as a card never reviewed (`cairn.practice.scheduling`)."""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

from .model import LEARNING, RELEARNING, REVIEW, CardState

STABILITY_MIN = 0.001  # fsrs.scheduler.STABILITY_MIN: fsrs never makes a smaller one
STABILITY_MAX = 1_000_000.0  # days (2,700 years): far beyond FSRS's longest interval
DIFFICULTY_MIN, DIFFICULTY_MAX = 1.0, 10.0  # fsrs.scheduler.MIN_DIFFICULTY, MAX_DIFFICULTY
MAX_STEP = 1_000  # fsrs takes a step past its last one as the last one
STATE_NAMES = {LEARNING: "learning", REVIEW: "review", RELEARNING: "relearning"}
#: When a reviewed card whose stored row has no due time (a hand edit) is due: at its last
#: review (overdue), or at this moment, long past, without one.
NO_DUE = datetime(2000, 1, 1)


def stored_due(due: datetime | None, last_review: datetime | None) -> datetime:
    """A reviewed card's due time as read from its row (see NO_DUE)."""
    if due is not None:
        return due
    return last_review if last_review is not None else NO_DUE


def _number_in(value: Any, low: float, high: float) -> bool:
    return (
        not isinstance(value, bool)
        and isinstance(value, int | float)
        and math.isfinite(value)
        and low <= value <= high
    )


def state_problem(
    state: Any,
    *,
    due: datetime | None,
    stability: Any,
    difficulty: Any,
    step: Any,
    last_review: datetime | None,
) -> tuple[str, str] | None:
    """The first field that stops FSRS from using a reviewed card's state, with words for it
    ("stability", "0 is not a number from 0.001 to 1,000,000 (FSRS's range)"); None when the
    scheduler can use it. Fields are named as an export names them."""
    if isinstance(state, bool) or state not in STATE_NAMES:
        return "state", f"{state!r} is not 1 (learning), 2 (review) or 3 (relearning)"
    name = f"a card in {STATE_NAMES[state]} (state {state})"
    if due is None:
        return "due", f"is missing: {name} is due at some time"
    if stability is None:
        return "stability", f"is missing: FSRS needs one for {name}"
    if not _number_in(stability, STABILITY_MIN, STABILITY_MAX):
        return "stability", (
            f"{stability!r} is not a number from {STABILITY_MIN:g} to {STABILITY_MAX:,.0f} "
            "(FSRS's range)"
        )
    if difficulty is None:
        return "difficulty", f"is missing: FSRS needs one for {name}"
    if not _number_in(difficulty, DIFFICULTY_MIN, DIFFICULTY_MAX):
        return "difficulty", (
            f"{difficulty!r} is not a number from {DIFFICULTY_MIN:g} to {DIFFICULTY_MAX:g} "
            "(FSRS's range)"
        )
    if last_review is None:
        return "last_review", f"is missing: {name} was reviewed at some time"
    if state == REVIEW:
        if step is not None:
            return "step", f"must be null for {name}, not {step!r}"
    elif step is None:
        return "step", f"is missing: {name} is at a step (0 or more)"
    elif isinstance(step, bool) or not isinstance(step, int) or not 0 <= step <= MAX_STEP:
        return "step", f"{step!r} is not a whole number from 0 to {MAX_STEP:,}"
    return None


def problem_of(state: CardState) -> tuple[str, str] | None:
    """`state_problem` of a stored card state."""
    return state_problem(
        state.state,
        due=state.due,
        stability=state.stability,
        difficulty=state.difficulty,
        step=state.step,
        last_review=state.last_review,
    )


def usable(state: CardState) -> bool:
    """Whether FSRS can schedule from `state` (see `state_problem`)."""
    return problem_of(state) is None
