"""FSRS scheduling through the `fsrs` package with an injected clock, retention per area worked
out by hand, and the pure choice of due cards."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from tests.conftest import SMALL_PACK

from cairn.content import Card, load_curriculum
from cairn.practice import RATINGS, CardState, PracticeCard, rating_number
from cairn.practice.due import due_now, new_left, start_of_day
from cairn.practice.retention import AreaRetention, by_area
from cairn.practice.scheduling import check_retention, grade, recall_probability

NOW = datetime(2026, 3, 12, 19, 0)
DAY = timedelta(days=1)


def test_ratings_are_named_and_numbered_one_to_four() -> None:
    assert RATINGS == ("again", "hard", "good", "easy")
    assert [rating_number(r) for r in RATINGS] == [1, 2, 3, 4]
    assert rating_number(" Good ") == 3 and rating_number(4) == 4 and rating_number("2") == 2
    for bad in ("meh", 0, 5, True, "", 2.0):
        with pytest.raises(ValueError, match="is not a rating"):
            rating_number(bad)  # type: ignore[arg-type]


def test_good_on_a_new_card_is_a_learning_step_then_it_graduates_beyond_a_day() -> None:
    first = grade(None, "c", "good", NOW)
    assert first.due == NOW + timedelta(minutes=10)  # fsrs's second learning step
    assert first.state == 1 and first.step == 1 and first.reps == 1
    assert first.last_review == NOW and first.due.tzinfo is None
    later = NOW + timedelta(minutes=10)
    second = grade(first, "c", "good", later)
    assert second.state == 2 and second.step is None  # review: intervals of days now
    assert second.due - later > DAY
    assert second.reps == 2 and second.lapses == 0


def test_easy_on_a_new_card_moves_it_beyond_a_day_at_once() -> None:
    state = grade(None, "c", "easy", NOW)
    assert state.state == 2 and state.due - NOW > DAY


def test_again_keeps_a_card_within_the_day() -> None:
    new = grade(None, "c", "again", NOW)
    assert new.due - NOW < DAY and new.state == 1 and new.step == 0
    reviewed = grade(None, "c", "easy", NOW)
    at = reviewed.due
    lapsed = grade(reviewed, "c", "again", at)
    assert lapsed.state == 3 and lapsed.due - at < DAY  # relearning, minutes away
    assert lapsed.lapses == 1 and lapsed.reps == 2
    assert lapsed.stability is not None and lapsed.stability < (reviewed.stability or 0)


def test_good_on_a_review_card_moves_it_further_than_hard() -> None:
    reviewed = grade(None, "c", "easy", NOW)
    at = reviewed.due
    hard = grade(reviewed, "c", "hard", at, fuzz=False)
    good = grade(reviewed, "c", "good", at, fuzz=False)
    assert at + DAY < hard.due < good.due


def test_a_higher_desired_retention_schedules_sooner() -> None:
    reviewed = grade(None, "c", "easy", NOW)
    at = reviewed.due
    relaxed = grade(reviewed, "c", "good", at, 0.8, fuzz=False)
    strict = grade(reviewed, "c", "good", at, 0.97, fuzz=False)
    assert strict.due < relaxed.due


def test_desired_retention_is_held_to_its_range() -> None:
    assert check_retention(0.7) == 0.7 and check_retention(0.99) == 0.99
    for bad in (0.69, 1.0, 0.995, True, "0.9"):
        with pytest.raises(ValueError, match=r"from 0\.70 to 0\.99"):
            check_retention(bad)  # type: ignore[arg-type]


def _state(card_id: str, stability: float, reviewed: datetime) -> CardState:
    return CardState(card_id, reviewed + DAY * 30, stability, 5.0, 2, None, reviewed, 3, 0)


def test_recall_probability_is_fsrs_retrievability() -> None:
    # FSRS defines stability as the days after which recall falls to 90 %.
    state = _state("c", 10.0, NOW - 10 * DAY)
    assert recall_probability(state, NOW) == pytest.approx(0.9)
    assert recall_probability(_state("c", 10.0, NOW), NOW) == pytest.approx(1.0)
    # R(t) = (1 + F * t / S) ** -0.1542 with F = 0.9 ** (1 / -0.1542) - 1 (fsrs 6's decay)
    factor = 0.9 ** (1 / -0.1542) - 1
    forty = (1 + factor * 40 / 10) ** -0.1542
    assert recall_probability(_state("c", 10.0, NOW - 40 * DAY), NOW) == pytest.approx(forty)
    assert round(forty, 3) == 0.782  # four times the stability: 78 %
    unreviewed = CardState("c", NOW, None, None, 1, 0, None)
    assert recall_probability(unreviewed, NOW) == 0.0


def _practice(
    card_id: str,
    item: str,
    state: CardState | None,
    *,
    unlocked: bool = True,
    suspended: bool = False,
) -> PracticeCard:
    return PracticeCard(Card(card_id, item, "P", "A"), state, unlocked, suspended, False)


def test_retention_by_area_computed_by_hand() -> None:
    curriculum = load_curriculum([SMALL_PACK])
    cards = [
        _practice("a", "write-hello", _state("a", 10.0, NOW - 10 * DAY)),  # coding: 0.9
        _practice("b", "read-guide", _state("b", 10.0, NOW)),  # coding, talking: 1.0
        _practice("locked", "write-eval", _state("l", 1.0, NOW - 50 * DAY), unlocked=False),
        _practice("resting", "write-eval", _state("r", 1.0, NOW), suspended=True),
        _practice("new", "explain-eval", None),
        _practice("retired", "gone-item", _state("g", 1.0, NOW - 50 * DAY)),
    ]
    assert by_area(curriculum, cards, NOW) == [
        AreaRetention("coding", "Coding", 2, pytest.approx(0.95)),
        AreaRetention("evals", "Evaluation", 0, None),
        AreaRetention("talking", "Communication", 1, pytest.approx(1.0)),
    ]


def test_due_now_takes_due_reviews_earliest_first_then_new_cards_up_to_the_limit() -> None:
    early = _state("early", 5.0, NOW - 9 * DAY)
    late = _state("late", 5.0, NOW - 9 * DAY)
    early = CardState(**{**_fields(early), "due": NOW - 2 * DAY})
    late = CardState(**{**_fields(late), "due": NOW - DAY})
    later = CardState(**{**_fields(late), "card_id": "later", "due": NOW + DAY})
    cards = [
        _practice("new-1", "write-hello", None),
        _practice("late", "write-hello", late),
        _practice("locked-new", "write-eval", None, unlocked=False),
        _practice("early", "read-guide", early),
        _practice("resting", "read-guide", early, suspended=True),
        _practice("later", "read-guide", later),
        _practice("new-2", "write-eval", None),
        _practice("new-3", "write-eval", None),
    ]
    assert [c.id for c in due_now(cards, NOW, 2)] == ["early", "late", "new-1", "new-2"]
    assert [c.id for c in due_now(cards, NOW, 0)] == ["early", "late"]
    assert new_left(15, 4) == 11 and new_left(15, 20) == 0


def test_new_cards_count_per_utc_day() -> None:
    assert start_of_day(NOW) == datetime(2026, 3, 12)
    assert start_of_day(datetime(2026, 3, 12, 0, 0)) == datetime(2026, 3, 12)


def _fields(state: CardState) -> dict[str, object]:
    return {name: getattr(state, name) for name in CardState.__slots__}


def test_the_practice_package_needs_no_qt_and_no_store(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys, cairn.practice, cairn.practice.due, cairn.practice.retention, "
        "cairn.practice.scheduling; "
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'cairn.store', 'sqlalchemy'))]; "
        "assert not bad, bad; assert 'fsrs' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=tmp_path)


UNUSABLE = {  # states FSRS cannot schedule from, as an older import or a hand edit left them
    "zero stability": {"stability": 0.0},
    "tiny stability": {"stability": 1e-300},
    "no stability": {"stability": None},
    "difficulty 0": {"difficulty": 0.0},
    "difficulty 11": {"difficulty": 11.0},
    "no difficulty": {"difficulty": None},
    "no last review": {"last_review": None},
    "relearning without a step": {"state": 3, "step": None},
    "learning without a step": {"state": 1, "step": None},
    "review with a step": {"step": 5},
    "no such state": {"state": 7},
}


@pytest.mark.parametrize("change", list(UNUSABLE))
def test_a_state_fsrs_cannot_use_is_graded_as_new_and_counts_as_forgotten(change: str) -> None:
    """Grading such a card used to end in ZeroDivisionError or fsrs's AssertionError, and its
    recall in ZeroDivisionError (the dashboard, `cairn practice`, every export)."""
    stored = _state("c", 5.0, NOW - 3 * DAY)
    bad = CardState(**{**_fields(stored), **UNUSABLE[change], "reps": 4, "lapses": 1})
    assert recall_probability(bad, NOW) == 0.0
    for rating in RATINGS:
        graded = grade(bad, "c", rating, NOW, fuzz=False)
        fresh = grade(None, "c", rating, NOW, fuzz=False)
        assert (graded.due, graded.stability, graded.difficulty, graded.state, graded.step) == (
            fresh.due,
            fresh.stability,
            fresh.difficulty,
            fresh.state,
            fresh.step,
        )
        assert (graded.reps, graded.lapses) == (5, 1)  # its counts go on
        assert recall_probability(graded, NOW + DAY) > 0


def test_every_state_fsrs_makes_is_one_it_can_use_again() -> None:
    """The bounds the importer holds a state to are fsrs's own: what it makes passes them."""
    import fsrs.scheduler

    from cairn.practice import validity

    assert validity.STABILITY_MIN == fsrs.scheduler.STABILITY_MIN
    assert (validity.DIFFICULTY_MIN, validity.DIFFICULTY_MAX) == (
        fsrs.scheduler.MIN_DIFFICULTY,
        fsrs.scheduler.MAX_DIFFICULTY,
    )
    for ratings in (["again"] * 6, ["easy"] * 8, ["hard", "good", "again", "good", "easy"]):
        state = None
        at = NOW
        for rating in ratings:
            state = grade(state, "c", rating, at, fuzz=False)
            assert validity.usable(state), (ratings, state)
            at = state.due
