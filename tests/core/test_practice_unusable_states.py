"""A card state FSRS cannot use, already in a database (an older import, a hand edit), never
ends in a traceback: the cards are listed, each counts as forgotten in retention, grading one
starts it again as a new card, and every export still writes and imports elsewhere (the
state travels as none, a suspension with it)."""

from __future__ import annotations

import io
import json
import sqlite3
from contextlib import closing
from pathlib import Path

from cairn.cli import run
from cairn.tracker import Tracker

#: (column values) that leave a reviewed card unusable by FSRS, one per card
BREAKS = [
    "stability = 0",  # ZeroDivisionError in recall and in grading
    "state = 3, step = NULL",  # AssertionError in fsrs (relearning needs a step)
    "difficulty = 0",  # ZeroDivisionError after a lapse
]


def _cli(data: Path, *args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(["--data-dir", str(data), *args], stdout=out, stderr=err)
    return code, out.getvalue() + err.getvalue()


def _edit(data: Path, card: str, change: str) -> None:
    """Hand-edit a card's stored state."""
    with closing(sqlite3.connect(data / "cairn.sqlite3")) as db, db:
        db.execute(f"UPDATE card_state SET {change} WHERE card_id = ?", (card,))


def _reviewed(data: Path, pack: Path, count: int) -> list[str]:
    """The first `count` recall cards of the path, their items done, each reviewed (Easy)."""
    with Tracker.open(data, pack) as tracker:
        recall = [c for c in tracker.curriculum.cards.values() if c.kind == "recall"][:count]
        tracker.set_statuses({c.item_id: "done" for c in recall})
        for card in recall:
            tracker.grade_card(card.id, "easy")
    return [card.id for card in recall]


def test_a_database_with_unusable_states_lists_grades_and_exports(
    data_dir: Path, shipped_pack: Path, tmp_path: Path
) -> None:
    cards = _reviewed(data_dir, shipped_pack, len(BREAKS))
    graded, kept, resting = cards
    for card, change in zip(cards, BREAKS, strict=True):
        _edit(data_dir, card, f"due = last_review, {change}")  # due now, unusable
    _edit(data_dir, resting, "suspended = 1")

    code, said = _cli(data_dir, "practice", "--json")
    assert code == 0, said
    listed = json.loads(said)
    assert {graded, kept} <= {c["id"] for c in listed["cards"] if not c["new"]}
    # forgotten until graded again: the only reviewed cards count 0 in their areas
    areas = [a for a in listed["retention"] if a["cards"]]
    assert areas and all(a["recall"] == 0.0 for a in areas), areas

    code, said = _cli(data_dir, "practice", "grade", graded, "good")
    assert code == 0 and "next due" in said, said
    with Tracker.open(data_dir, shipped_pack) as tracker:
        state = tracker.practice_card(graded).state
        assert state is not None and state.state == 1 and state.step == 1  # started again
        assert state.stability is not None and state.stability >= 0.001
        assert state.reps == 2  # its count goes on
        assert [c.id for c in tracker.due_cards()][:1] == [kept]

    for form in ("md", "json"):
        code, said = _cli(
            data_dir, "export", "--format", form, "--out", str(tmp_path / f"x.{form}")
        )
        assert code == 0, said
    code, said = _cli(tmp_path / "elsewhere", "import", str(tmp_path / "x.json"))
    assert code == 0, said
    with Tracker.open(tmp_path / "elsewhere", shipped_pack) as other:
        assert other.practice_card(graded).state is not None  # the usable state travelled
        assert other.practice_card(kept).is_new  # the unusable one travelled as none
        moved = other.practice_card(resting)
        assert moved.is_new and moved.suspended  # and a suspension with it
        assert len(other.review_log()) == 4


def test_a_reviewed_card_without_a_due_time_is_overdue_and_keeps_its_schedule(
    data_dir: Path, shipped_pack: Path, tmp_path: Path
) -> None:
    (card,) = _reviewed(data_dir, shipped_pack, 1)
    _edit(data_dir, card, "due = NULL")
    with Tracker.open(data_dir, shipped_pack) as tracker:
        state = tracker.practice_card(card).state
        assert state is not None and state.due == state.last_review  # due since its review
        assert [c.id for c in tracker.due_cards()][:1] == [card]
        assert tracker.due_count() == len(tracker.due_cards())
        assert [a.recall for a in tracker.retention_by_area() if a.cards] != []
        assert all(a.recall and a.recall > 0.9 for a in tracker.retention_by_area() if a.cards)
    code, said = _cli(data_dir, "export", "--format", "json", "--out", str(tmp_path / "x.json"))
    assert code == 0, said
    code, said = _cli(tmp_path / "elsewhere", "import", str(tmp_path / "x.json"))
    assert code == 0, said
    code, said = _cli(data_dir, "practice", "grade", card, "good")
    assert code == 0 and "next due" in said, said
