"""Practice actions as undoable operations for `Operations.run` (see gui/operations.py): rate a
card, suspend or restore it, edit its text, make an own card, set the desired retention.

Undo puts back what the tracker's Change says the database held (the card's state before a
grade, through `Tracker.undo_grade`; the text before an edit), never what a view shows. An own
card made again by a redo comes back under the id it had, so later steps still find it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...tracker import Change, Tracker, TrackerError
from ..operations import Operation
from ..reversible import reversible
from .words import RATING_KEYS, rating_name

DRILL, REVIEW = "drill", "review"


def _last_review(tracker: Tracker, card_id: str) -> int:
    """The id of the card's latest review row (0: none): what a grade's undo may take back."""
    log = tracker.review_log(card_id)
    return max((r.id for r in log), default=0)


def grade_operation(
    tracker: Tracker,
    card_id: str,
    rating: int,
    *,
    duration_ms: int | None = None,
    mode: str = REVIEW,
) -> Operation:
    """Rate a card 1–4 ("Undo Rate card Good"): undo puts its state back and removes the
    review row; redo rates it again."""
    name = (
        QCoreApplication.translate("Practice", "Rate drill card {rating}")
        if mode == DRILL
        else QCoreApplication.translate("Practice", "Rate card {rating}")
    ).format(rating=rating_name(rating))

    def grade() -> Change:
        return tracker.grade_card(card_id, RATING_KEYS[rating], duration_ms=duration_ms, mode=mode)

    return Operation(
        name,
        grade,
        lambda last: tracker.undo_grade(last),
        lambda _undone: grade(),
        failed=QCoreApplication.translate("Practice", "rated"),
        stamp=lambda: _last_review(tracker, card_id),
    )


def suspend_operation(tracker: Tracker, card_id: str, suspended: bool) -> Operation:
    """Suspend a card (it leaves reviews and drills) or bring it back; undoable."""
    name = (
        QCoreApplication.translate("Practice", "Suspend card")
        if suspended
        else QCoreApplication.translate("Practice", "Restore card")
    )
    return reversible(
        name,
        lambda: tracker.set_card_suspended(card_id, suspended),
        lambda stored: tracker.set_card_suspended(card_id, bool(stored)),
        failed=QCoreApplication.translate("Practice", "suspended")
        if suspended
        else QCoreApplication.translate("Practice", "restored"),
        read=lambda: _suspended(tracker, card_id),
    )


def _suspended(tracker: Tracker, card_id: str) -> bool | None:
    """Whether the card is suspended as the file says now (None: no such card)."""
    try:
        return tracker.practice_card(card_id).suspended
    except TrackerError:
        return None


def edit_operation(tracker: Tracker, card_id: str, prompt: str, answer: str) -> Operation:
    """Change a card's prompt and answer (a shipped card keeps the learner's version; empty
    texts restore the shipped one); undo puts the text stored before back."""
    restoring = (prompt, answer) == ("", "")
    return reversible(
        QCoreApplication.translate("Practice", "Restore card text")
        if restoring
        else QCoreApplication.translate("Practice", "Edit card"),
        lambda: tracker.edit_card(card_id, prompt, answer),
        lambda stored: tracker.edit_card(card_id, *stored),
        failed=QCoreApplication.translate("Practice", "saved (card)"),
    )


def add_operation(
    tracker: Tracker, item_id: str, prompt: str, answer: str, tags: tuple[str, ...] = ()
) -> Operation:
    """Make an own card for an item ("Undo Make a card" removes it; redo puts it back under
    the same id)."""
    made: list[str] = []  # the id the card was made under

    def add() -> Change:
        change = tracker.add_own_card(item_id, prompt, answer, tags)
        made.append(change.ids[0])
        return change

    return Operation(
        QCoreApplication.translate("Practice", "Make a card"),
        add,
        lambda _last: tracker.remove_own_card(made[0]),
        lambda _undone: tracker.add_own_card(item_id, prompt, answer, tags, card_id=made[0]),
        failed=QCoreApplication.translate("Practice", "made (card)"),
    )


def retention_operation(tracker: Tracker, value: float) -> Operation:
    """Set the desired retention (0.70–0.99); undo puts the stored value back."""
    return reversible(
        QCoreApplication.translate("Practice", "Set desired retention"),
        lambda: tracker.set_desired_retention(value),
        lambda stored: (
            tracker.set_desired_retention(float(stored))
            if isinstance(stored, int | float)
            else tracker.set_setting("desired_retention", None)
        ),
        failed=QCoreApplication.translate("Practice", "changed (desired retention)"),
        read=lambda: tracker.setting("desired_retention"),
    )
