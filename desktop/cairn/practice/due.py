"""Which cards to review now: those FSRS says are due, then a few new ones a day."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, time

from .model import PracticeCard

NEW_PER_DAY_SETTING = "practice_new_per_day"
DEFAULT_NEW_PER_DAY = 15


def start_of_day(now: datetime) -> datetime:
    """Midnight (UTC, like `now`) of `now`'s day: new cards are counted per UTC day."""
    return datetime.combine(now.date(), time())


def new_left(per_day: int, new_today: int) -> int:
    """How many new cards may still be started today."""
    return max(0, per_day - new_today)


def reviewable(card: PracticeCard) -> bool:
    return card.unlocked and not card.suspended


def due_now(cards: Iterable[PracticeCard], now: datetime, new_allowed: int) -> list[PracticeCard]:
    """Unlocked, unsuspended cards: the reviewed ones due by `now` (earliest first, then in
    the order given), then up to `new_allowed` new ones in the order given (item order)."""
    reviewed: list[PracticeCard] = []
    new: list[PracticeCard] = []
    for card in cards:
        if not reviewable(card):
            continue
        if card.state is None:
            if len(new) < new_allowed:
                new.append(card)
        elif card.state.due <= now:
            reviewed.append(card)
    reviewed.sort(key=lambda c: c.state.due if c.state else now)
    return reviewed + new
