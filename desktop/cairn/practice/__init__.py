"""Practice: recall cards scheduled with FSRS, as pure values and functions (no Qt, no store).

`model` holds the values, `scheduling` wraps the `fsrs` package (imported only when a card is
graded or its recall is worked out), `retention` averages recall per skill area and `due`
picks the cards to review now."""

from __future__ import annotations

from ..content.model import Card
from .model import MODES, RATINGS, CardState, PracticeCard, ReviewRecord, rating_number

__all__ = [
    "MODES",
    "RATINGS",
    "Card",
    "CardState",
    "PracticeCard",
    "ReviewRecord",
    "rating_number",
]
