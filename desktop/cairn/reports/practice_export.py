"""The JSON export's practice section and the practice figures of its summary.

    "practice": {"schema": 1, "desired_retention": float or null,
                 "own_cards": [{"id": "own-<n>", "item", "prompt", "answer", "tags": [...],
                                "created_at"}],
                 "edits": [{"id", "prompt", "answer", "edited_at"}],     # the learner's wording
                 "states": [{"id", "due", "stability", "difficulty", "state", "step",
                             "last_review", "reps", "lapses", "suspended"}],
                 "reviews": [{"id", "rating", "at", "duration_ms", "mode"}]}   # oldest first

Cards are named by id; an own card's id is the one it has in the exporting folder (an import
finds it again by item and creation time). Rows naming an own card that is gone are left out,
so every export imports. Pure: the snapshot holds the rows (cairn.snapshot.PracticeRecords).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from ..snapshot import DESIRED_RETENTION, PracticeRecords, ProgressSnapshot, ReviewRow
from .practice_merge import PRACTICE_SCHEMA

__all__ = ["PracticeSection", "practice_section", "review_entries"]

_encode_text = json.encoder.encode_basestring  # what the export's encoder writes text with


class PracticeSection(dict[str, Any]):
    """The practice section: `dump_export` writes each of its lists one entry a line."""

    __slots__ = ()


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="microseconds") + "Z" if moment else None


def _kept(practice: PracticeRecords) -> PracticeRecords:
    """The rows, less those naming an own card that is no longer stored."""
    own = {c.card_id for c in practice.own_cards}

    def keep(card: str) -> bool:
        return not card.startswith("own-") or card in own

    if all(keep(row.card_id) for rows in (practice.texts, practice.states) for row in rows) and all(
        keep(r.card_id) for r in practice.reviews
    ):
        return practice
    return PracticeRecords(
        practice.own_cards,
        tuple(t for t in practice.texts if keep(t.card_id)),
        tuple(s for s in practice.states if keep(s.card_id)),
        tuple(r for r in practice.reviews if keep(r.card_id)),
    )


def practice_section(snapshot: ProgressSnapshot, *, encoded: bool = False) -> PracticeSection:
    """The section as plain data; with `encoded` its reviews are already written as JSON
    text (the same text, about five times faster for 100,000 reviews)."""
    practice = _kept(snapshot.practice)
    retention = snapshot.settings.get(DESIRED_RETENTION)
    return PracticeSection(
        {
            "schema": PRACTICE_SCHEMA,
            "desired_retention": retention if isinstance(retention, int | float) else None,
            "own_cards": [
                {
                    "id": c.card_id,
                    "item": c.item_id,
                    "prompt": c.prompt,
                    "answer": c.answer,
                    "tags": list(c.tags),
                    "created_at": _iso(c.created_at),
                }
                for c in practice.own_cards
            ],
            "edits": [
                {
                    "id": t.card_id,
                    "prompt": t.prompt,
                    "answer": t.answer,
                    "edited_at": _iso(t.edited_at),
                }
                for t in practice.texts
            ],
            "states": [
                {
                    "id": s.card_id,
                    "due": _iso(s.due),
                    "stability": s.stability,
                    "difficulty": s.difficulty,
                    "state": s.state,
                    "step": s.step,
                    "last_review": _iso(s.last_review),
                    "reps": s.reps,
                    "lapses": s.lapses,
                    "suspended": s.suspended,
                }
                for s in practice.states
            ],
            "reviews": review_entries(practice.reviews)
            if encoded
            else [
                {
                    "id": r.card_id,
                    "rating": r.rating,
                    "at": _iso(r.reviewed_at),
                    "duration_ms": r.duration_ms,
                    "mode": r.mode,
                }
                for r in practice.reviews
            ],
        }
    )


class EncodedEntries(list[str]):
    """Entries already written as JSON text (`dump_export` writes them as they are)."""

    __slots__ = ()


def review_entries(reviews: tuple[ReviewRow, ...]) -> EncodedEntries:
    """Each review as the export's encoder writes `{"id", "rating", "at", "duration_ms",
    "mode"}`, built as text."""
    texts: dict[str, str] = {}  # the same few card ids and modes recur
    out = EncodedEntries()
    for r in reviews:
        card = texts.get(r.card_id)
        if card is None:
            card = texts[r.card_id] = _encode_text(r.card_id)
        mode = texts.get(r.mode)
        if mode is None:
            mode = texts[r.mode] = _encode_text(r.mode)
        ms = "null" if r.duration_ms is None else str(int(r.duration_ms))
        out.append(
            f'{{"id": {card}, "rating": {int(r.rating)}, "at": "{_iso(r.reviewed_at)}", '
            f'"duration_ms": {ms}, "mode": {mode}}}'
        )
    return out
