"""Retention per skill area: the mean FSRS recall probability of the area's cards, now.

Shown beside readiness (never inside it): readiness says what was done, retention how much of
it is still remembered."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from ..content import Curriculum
from .model import PracticeCard
from .scheduling import recall_probability


@dataclass(frozen=True, slots=True)
class AreaRetention:
    """One skill area's retention."""

    skill_id: str
    name: str
    cards: int  # reviewed, unlocked, unsuspended cards in the area
    recall: float | None  # mean FSRS recall probability now, 0..1; None when cards == 0


def counted(cards: Iterable[PracticeCard]) -> list[PracticeCard]:
    """The cards retention counts: unlocked, reviewed and not suspended."""
    return [c for c in cards if c.unlocked and c.state is not None and not c.suspended]


def by_area(
    curriculum: Curriculum, cards: Iterable[PracticeCard], now: datetime
) -> list[AreaRetention]:
    """Every skill area in the curriculum's order; a card counts in every skill of its item
    (cards of an item the curriculum no longer has count nowhere)."""
    return from_recalls(
        curriculum,
        (
            (card.card.item_id, recall_probability(card.state, now))
            for card in counted(cards)
            if card.state is not None
        ),
    )


def from_recalls(
    curriculum: Curriculum, recalls_by_item: Iterable[tuple[str, float]]
) -> list[AreaRetention]:
    """`by_area` from the counted cards' (item id, recall probability) pairs."""
    recalls: dict[str, list[float]] = {skill: [] for skill in curriculum.skills}
    for item_id, recall in recalls_by_item:
        item = curriculum.items.get(item_id)
        if item is None:
            continue
        for skill in item.skills:
            if skill in recalls:
                recalls[skill].append(recall)
    return [
        AreaRetention(
            skill.id,
            skill.name,
            len(recalls[skill.id]),
            sum(recalls[skill.id]) / len(recalls[skill.id]) if recalls[skill.id] else None,
        )
        for skill in curriculum.skills.values()
    ]
