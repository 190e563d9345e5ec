"""Practice through the tracker: cards unlock when their item is done, a few new cards a day,
suspended cards are never due, the learner's own cards and edits last, grades undo, and bad
input changes nothing."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from tests.conftest import FIXTURES

from cairn.locations import curriculum_dir
from cairn.practice import CardState
from cairn.practice.due import due_now
from cairn.tracker import Change, Tracker, TrackerError
from clocks import Clock
from practice_packs import CARDS_TOML, write_cards

HELLO = ["hello-why", "hello-print"]


@pytest.fixture
def pack(small_pack: Path) -> Path:
    write_cards(small_pack, CARDS_TOML)
    return small_pack


@pytest.fixture
def practice(data_dir: Path, pack: Path, clock: Clock) -> Iterator[Tracker]:
    with Tracker.open(data_dir, pack, clock=clock) as tracker:
        yield tracker


def _ids(cards: list) -> list[str]:
    return [c.card.id for c in cards]


def _file_hash(tracker: Tracker) -> str:
    return hashlib.sha256(tracker.database_path.read_bytes()).hexdigest()


def _practice_rows(tracker: Tracker) -> tuple[object, ...]:
    return (tracker.practice_cards(), tracker.review_log())


def _check_due(tracker: Tracker, now: datetime | None = None) -> list[str]:
    """The due list, checked against the pure rule and the fast count."""
    now = now or tracker.now()
    due = tracker.due_cards(now)
    assert tracker.due_count(now) == len(due)
    return _ids(due)


def test_cards_unlock_when_their_item_is_done(practice: Tracker) -> None:
    cards = practice.practice_cards()
    assert _ids(cards) == ["hello-why", "hello-print", "drill-demo", "eval-score"]  # path order
    assert not any(c.unlocked for c in cards) and all(c.state is None for c in cards)
    assert _check_due(practice) == []
    practice.set_status("write-hello", "done")
    assert [c.unlocked for c in practice.practice_cards()] == [True, True, False, False]
    assert _check_due(practice) == HELLO
    practice.set_status("write-hello", "doing")
    assert _check_due(practice) == []


def test_a_reviewed_card_locks_again_when_its_item_is_undone(practice: Tracker) -> None:
    practice.set_status("write-hello", "done")
    practice.grade_card("hello-why", "again")
    later = practice.now() + timedelta(hours=1)
    assert _check_due(practice, later) == ["hello-why", "hello-print"]
    practice.set_status("write-hello", "todo")
    assert _check_due(practice, later) == []


def test_new_cards_a_day_are_limited(practice: Tracker, clock: Clock) -> None:
    for item in ("write-hello", "write-eval", "demo-start"):
        practice.set_status(item, "done")
    assert _check_due(practice) == ["hello-why", "hello-print", "drill-demo", "eval-score"]
    practice.set_new_per_day(2)
    assert _check_due(practice) == HELLO
    practice.grade_card("hello-why", "easy")  # one new card started today: one more allowed
    assert _check_due(practice) == ["hello-print"]
    practice.grade_card("hello-print", "good")  # learning: due again in ten minutes
    assert _check_due(practice) == []
    clock.now += timedelta(minutes=10)
    assert _check_due(practice) == ["hello-print"]
    clock.now += timedelta(days=1)  # a new UTC day: two new cards again
    assert _check_due(practice) == ["hello-print", "drill-demo", "eval-score"]
    practice.set_new_per_day(0)
    assert _check_due(practice) == ["hello-print"]


def test_due_cards_agree_with_the_pure_rule(practice: Tracker, clock: Clock) -> None:
    for item in ("write-hello", "write-eval", "demo-start"):
        practice.set_status(item, "done")
    practice.grade_card("eval-score", "again")
    practice.grade_card("hello-why", "easy")
    practice.set_card_suspended("drill-demo", True)
    for step in (timedelta(0), timedelta(minutes=2), timedelta(days=30)):
        now = clock.now + step
        expected = due_now(
            practice.practice_cards(), now, 15 - 2 if step < timedelta(hours=5) else 15
        )
        assert practice.due_cards(now) == expected
        assert practice.due_count(now) == len(expected)


def test_suspended_cards_are_never_due(practice: Tracker, clock: Clock) -> None:
    practice.set_status("write-hello", "done")
    change = practice.set_card_suspended("hello-why", True)
    assert change == Change("card_suspended", ("hello-why",), False, True)
    assert _check_due(practice) == ["hello-print"]
    practice.grade_card("hello-print", "easy")
    practice.set_card_suspended("hello-print", True)
    assert _check_due(practice, clock.now + timedelta(days=365)) == []
    assert [c.suspended for c in practice.practice_cards()[:2]] == [True, True]
    practice.set_card_suspended("hello-why", False)
    assert _check_due(practice) == ["hello-why"]


def test_grade_and_undo(practice: Tracker, clock: Clock) -> None:
    practice.set_status("write-hello", "done")
    first = practice.grade_card("hello-why", "good", duration_ms=4200)
    assert first.kind == "card" and first.ids == ("hello-why",) and first.old is None
    assert isinstance(first.new, CardState) and first.new.last_review == clock.now
    [review] = practice.review_log()
    assert (review.card_id, review.rating, review.duration_ms, review.mode) == (
        "hello-why",
        3,
        4200,
        "review",
    )
    clock.now += timedelta(minutes=10)
    second = practice.grade_card("hello-why", 3)
    assert second.old == first.new and second.new.due - clock.now > timedelta(days=1)
    with pytest.raises(TrackerError, match="reviewed again since"):
        practice.undo_grade(first)
    undone = practice.undo_grade(second)
    assert undone == Change("card", ("hello-why",), second.new, first.new)
    assert practice.practice_card("hello-why").state == first.new
    assert [r.rating for r in practice.review_log("hello-why")] == [3]
    practice.undo_grade(first)
    assert practice.practice_card("hello-why").state is None and practice.review_log() == []
    assert _check_due(practice) == HELLO


def test_a_locked_card_is_refused_in_review_but_may_be_drilled(practice: Tracker) -> None:
    before = _practice_rows(practice)
    with pytest.raises(TrackerError, match=r"'drill-demo' is locked.*'Start the demo'"):
        practice.grade_card("drill-demo", "good")
    assert _practice_rows(practice) == before
    change = practice.grade_card("drill-demo", "hard", mode="drill", duration_ms=180_000)
    assert change.new is not None
    assert [(r.mode, r.rating) for r in practice.review_log()] == [("drill", 2)]


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda t: t.grade_card("no-such-card", "good"), "there is no card 'no-such-card'"),
        (lambda t: t.grade_card("hello-why", "meh"), "card 'hello-why': 'meh' is not a rating"),
        (lambda t: t.grade_card("hello-why", 5), "'5' is not a rating"),
        (lambda t: t.grade_card("hello-why", "good", mode="exam"), "'exam' is not a mode"),
        (lambda t: t.grade_card("hello-why", "good", duration_ms=-1), "whole milliseconds"),
        (lambda t: t.set_card_suspended("nope", True), "there is no card 'nope'"),
        (lambda t: t.edit_card("hello-why", "", "An answer"), "'hello-why': the prompt is empty"),
        (lambda t: t.edit_card("hello-why", "P", "x" * 2501), "answer is 2501 characters"),
        (lambda t: t.edit_card("own-9", "P", "A"), "there is no card 'own-9'"),
        (lambda t: t.add_own_card("no-item", "P", "A"), "no item or milestone with id 'no-item'"),
        (lambda t: t.add_own_card("write-hello", "P", " "), "the answer is empty"),
        (lambda t: t.add_own_card("write-hello", "P", "A", ["Bad Tag"]), "not a valid tag"),
        (lambda t: t.add_own_card("write-hello", "P", "A", card_id="hello"), "not an id of"),
        (lambda t: t.remove_own_card("hello-why"), "'hello-why' is not one of your own cards"),
        (lambda t: t.remove_own_card("own-4"), "there is no card 'own-4'"),
        (lambda t: t.set_desired_retention(0.5), "from 0.70 to 0.99"),
        (lambda t: t.set_new_per_day(-1), "from 0 to 999"),
        (lambda t: t.drill_cards("astronaut"), "there is no role 'astronaut'"),
        (lambda t: t.undo_grade(Change("status", ("x",), "todo", "done")), "only a card's grade"),
    ],
)
def test_bad_input_is_refused_in_words_and_changes_nothing(
    practice: Tracker, call: object, words: str
) -> None:
    practice.set_status("write-hello", "done")
    practice.grade_card("hello-print", "good")
    before = (_practice_rows(practice), practice.desired_retention(), practice.new_per_day())
    with pytest.raises(TrackerError) as refused:
        call(practice)  # type: ignore[operator]
    assert words in str(refused.value)
    after = (_practice_rows(practice), practice.desired_retention(), practice.new_per_day())
    assert after == before


def test_own_cards_are_added_edited_removed_and_survive_a_restart(
    data_dir: Path, pack: Path, clock: Clock
) -> None:
    with Tracker.open(data_dir, pack, clock=clock) as tracker:
        added = tracker.add_own_card("write-eval", " Why a baseline? ", "To compare.", ["evals"])
        card = added.new
        assert added.kind == "card_added" and added.ids == ("own-1",) and added.old is None
        assert (card.id, card.item_id, card.prompt, card.tags, card.own) == (
            "own-1",
            "write-eval",
            "Why a baseline?",
            ("evals",),
            True,
        )
        tracker.add_own_card("old-eval", "Second?", "Yes.")  # an old id names its item
        edited = tracker.edit_card("own-2", "Second, really?", "Yes, really.")
        assert edited == Change("card_text", ("own-2",), ("Second?", "Yes."), edited.new)
    with Tracker.open(data_dir, pack, clock=clock) as tracker:
        cards = tracker.practice_cards()
        assert _ids(cards) == [*HELLO, "drill-demo", "eval-score", "own-1", "own-2"]
        own = cards[5].card
        assert (own.item_id, own.prompt, own.answer) == (
            "write-eval",
            "Second, really?",
            "Yes, really.",
        )
        tracker.set_status("write-eval", "done")
        assert _check_due(tracker) == ["eval-score", "own-1", "own-2"]
        tracker.grade_card("own-1", "easy")
        removed = tracker.remove_own_card("own-1")
        assert removed == Change("card_added", ("own-1",), card, None)
        assert _ids(tracker.practice_cards()).count("own-1") == 0
        back = tracker.add_own_card(
            removed.old.item_id,
            removed.old.prompt,
            removed.old.answer,
            removed.old.tags,
            card_id="own-1",
        )  # undoing the removal: the same id, its review history attached again
        assert back.new == card
        assert tracker.practice_card("own-1").state is not None
        with pytest.raises(TrackerError, match="card 'own-1' already exists"):
            tracker.add_own_card("write-eval", "P", "A", card_id="own-1")
        assert tracker.add_own_card("write-eval", "Third", "Yes.").ids == ("own-3",)


def test_edits_of_shipped_cards_are_kept_and_restored(
    data_dir: Path, pack: Path, clock: Clock
) -> None:
    with Tracker.open(data_dir, pack, clock=clock) as tracker:
        original = tracker.practice_card("hello-why").card
        change = tracker.edit_card("hello-why", "Why hello?", "My own words.")
        assert change == Change(
            "card_text", ("hello-why",), ("", ""), ("Why hello?", "My own words.")
        )
    with Tracker.open(data_dir, pack, clock=clock) as tracker:
        shown = tracker.practice_card("hello-why")
        assert (shown.card.prompt, shown.card.answer, shown.edited) == (
            "Why hello?",
            "My own words.",
            True,
        )
        again = tracker.edit_card("hello-why", "Why hello, again?", "Still mine.")
        assert again.old == ("Why hello?", "My own words.")
        undo = tracker.edit_card("hello-why", *again.old)
        assert undo.new == ("Why hello?", "My own words.")
        restored = tracker.edit_card("hello-why", "", "")
        assert restored == Change("card_text", ("hello-why",), undo.new, ("", ""))
        back = tracker.practice_card("hello-why")
        assert back.card == original and not back.edited
        # typing the shipped text back is a restore too: nothing of the learner's is kept
        tracker.edit_card("hello-why", "Mine", "Mine too")
        same = tracker.edit_card("hello-why", original.prompt, original.answer)
        assert same.new == ("", "") and not tracker.practice_card("hello-why").edited


def test_drill_cards_name_the_role_unlocked_first(practice: Tracker) -> None:
    assert _ids(practice.drill_cards("builder")) == ["drill-demo"]
    assert practice.drill_cards("explainer") == []
    [drill] = practice.drill_cards("builder")
    assert not drill.unlocked and drill.card.rubric[0] == "Names a metric"
    practice.set_status("demo-start", "done")
    assert practice.drill_cards("builder")[0].unlocked


def test_retention_by_area(practice: Tracker, clock: Clock) -> None:
    practice.set_status("write-hello", "done")
    assert all(a.recall is None and a.cards == 0 for a in practice.retention_by_area())
    practice.grade_card("hello-why", "easy")
    areas = {a.skill_id: a for a in practice.retention_by_area()}
    assert areas["coding"].cards == 1 and areas["coding"].recall == pytest.approx(1.0)
    later = {a.skill_id: a for a in practice.retention_by_area(clock.now + timedelta(days=40))}
    assert 0 < (later["coding"].recall or 0) < 0.9
    assert areas["evals"].recall is None


def test_desired_retention_and_new_cards_a_day_are_settings(practice: Tracker) -> None:
    assert practice.desired_retention() == 0.9 and practice.new_per_day() == 15
    change = practice.set_desired_retention(0.85)
    assert change == Change("setting", ("desired_retention",), None, 0.85)
    assert practice.desired_retention() == 0.85
    assert practice.set_new_per_day(5).new == 5 and practice.new_per_day() == 5


def test_a_read_only_tracker_refuses_every_practice_write(practice: Tracker) -> None:
    practice.set_status("write-hello", "done")
    practice.read_only_reason = "this is a mentor's view"
    before = _file_hash(practice)
    for call in (
        lambda: practice.grade_card("hello-why", "good"),
        lambda: practice.set_card_suspended("hello-why", True),
        lambda: practice.add_own_card("write-hello", "P", "A"),
        lambda: practice.edit_card("hello-why", "P", "A"),
        lambda: practice.set_desired_retention(0.8),
    ):
        with pytest.raises(TrackerError, match="mentor's view"):
            call()
    assert _file_hash(practice) == before


def test_a_database_of_revision_0006_keeps_its_practice_rows(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    shutil.copy(FIXTURES / "databases" / "0006.sqlite3", data_dir / "cairn.sqlite3")
    with Tracker.open(data_dir, curriculum_dir()) as tracker:
        own = next(c for c in tracker.practice_cards() if c.card.id == "own-1")
        assert own.unlocked and own.card.tags == ("tooling",) and own.state is not None
        assert own.state.reps == 2 and own.state.last_review == datetime(2026, 1, 5, 19, 50)
        assert [r.rating for r in tracker.review_log("own-1")] == [3, 3]
        assert "a-suspended-card" not in _ids(tracker.practice_cards())  # retired: rows kept


def test_every_practice_change_changes_the_progress_fingerprint(practice: Tracker) -> None:
    """Undoing an import or a restore is refused once progress changed since: practice counts
    (else undoing an import would silently take back the reviews made after it)."""
    practice.set_status("write-hello", "done")
    seen = {practice.progress_fingerprint()}
    for change in (
        lambda: practice.grade_card("hello-why", "good"),
        lambda: practice.set_card_suspended("hello-print", True),
        lambda: practice.add_own_card("write-hello", "P", "A"),
        lambda: practice.edit_card("hello-why", "Mine", "Mine too"),
        lambda: practice.grade_card("drill-demo", "good", mode="drill"),
    ):
        change()
        stamp = practice.progress_fingerprint()
        assert stamp not in seen
        seen.add(stamp)
    practice.due_cards()
    practice.retention_by_area()
    assert practice.progress_fingerprint() in seen


def test_a_grade_in_another_process_is_seen_as_a_change(
    practice: Tracker, data_dir: Path, pack: Path
) -> None:
    practice.set_status("write-hello", "done")
    practice.reload_if_changed()
    assert practice.due_count() == 2
    with Tracker.open(data_dir, pack) as other:
        other.grade_card("hello-why", "good")
    assert practice.reload_if_changed()
    assert practice.due_count() == 1
    assert not practice.reload_if_changed()
    practice.grade_card("hello-print", "easy")  # our own grade is no news
    assert not practice.reload_if_changed()


def test_an_interview_drill_uses_none_of_the_days_new_cards(
    data_dir: Path, shipped_pack: Path, clock: Clock
) -> None:
    """15 new cards due, a 15-question drill for a role, and still 15 new cards due (the
    drill's cards, reviewed now, come on top when FSRS says they are due)."""
    with Tracker.open(data_dir, shipped_pack, clock=clock) as tracker:
        cards = tracker.curriculum.cards.values()
        items = list(dict.fromkeys(c.item_id for c in cards if c.kind == "recall"))[:20]
        tracker.set_statuses({item: "done" for item in items})

        def new_due() -> int:
            return sum(card.is_new for card in tracker.due_cards())

        assert new_due() == tracker.new_per_day() == 15
        drills = tracker.drill_cards("llm-engineer")[:15]
        assert len(drills) == 15 and any(c.unlocked for c in drills)
        for card in drills:
            tracker.grade_card(card.id, "good", mode="drill")
            clock.now += timedelta(minutes=1)
        assert new_due() == 15
        tracker.grade_card(tracker.due_cards()[-1].id, "good")  # one started in the review
        assert new_due() == 14


def test_the_cards_of_one_item_are_those_every_card_gives(practice: Tracker, clock: Clock) -> None:
    practice.set_status("write-hello", "done")
    own = practice.add_own_card("write-hello", "Mine?", "The learner's own card on hello.")
    practice.add_own_card("write-eval", "Other item?", "An own card on another item.")
    practice.grade_card("hello-why", "good")
    practice.grade_card(own.ids[0], "easy")
    practice.set_card_suspended("hello-print", True)
    practice.edit_card("hello-why", "Why hello, in my words?", "Because it proves the toolchain.")
    every = practice.practice_cards()
    for item in ("write-hello", "write-eval", "demo-start", "read-guide"):
        assert practice.item_practice_cards(item) == [c for c in every if c.card.item_id == item]
    assert [c.id for c in practice.item_practice_cards("write-hello")] == [*HELLO, own.ids[0]]
    assert practice.item_practice_cards("no-such-item") == []


def test_next_due_is_the_earliest_due_of_an_unlocked_unsuspended_reviewed_card(
    practice: Tracker, clock: Clock
) -> None:
    assert practice.next_due() is None
    for item in ("write-hello", "write-eval"):
        practice.set_status(item, "done")
    practice.grade_card("hello-why", "easy")  # days ahead
    practice.grade_card("eval-score", "good")  # ten minutes ahead
    practice.grade_card("hello-print", "again")  # a minute ahead
    practice.set_card_suspended("hello-print", True)
    ten_minutes = clock.now + timedelta(minutes=10)
    assert practice.next_due() == ten_minutes
    assert practice.next_due(ten_minutes) == practice.practice_card("hello-why").due
    practice.set_status("write-eval", "doing")  # locked again: its card is not next
    assert practice.next_due() == practice.practice_card("hello-why").due
    assert practice.next_due(practice.practice_card("hello-why").due) is None


def test_the_due_split_follows_another_process(
    practice: Tracker, data_dir: Path, pack: Path, clock: Clock
) -> None:
    """Reviews due again and new cards, counted apart; a card suspended or graded by another
    process (cairn in a terminal) counts at once, though which cards are new is remembered."""
    practice.set_status("write-hello", "done")
    practice.grade_card("hello-why", "again")
    later = clock.now + timedelta(hours=1)
    assert practice.due_split(later) == (1, 1)  # hello-why again; hello-print new
    with Tracker.open(data_dir, pack, clock=clock) as other:
        other.set_card_suspended("hello-print", True)
    assert practice.due_split(later) == (1, 0)
    with Tracker.open(data_dir, pack, clock=clock) as other:
        other.set_card_suspended("hello-print", False)
        other.set_card_suspended("hello-why", True)
    assert practice.due_split(later) == (0, 1)
    assert practice.due_count(later) == len(practice.due_cards(later)) == 1


def test_retention_now_is_worked_out_once_a_minute_and_follows_every_change(
    practice: Tracker, data_dir: Path, pack: Path, clock: Clock
) -> None:
    """Without a time, retention is the recall at the start of this minute (what the window
    shows on every change), the same as asking for that minute, and it follows grades,
    statuses, suspensions by another process and the passing minutes."""
    from cairn.practice.retention import by_area

    def asked() -> dict[str, tuple[int, float | None]]:
        return {a.skill_id: (a.cards, a.recall) for a in practice.retention_by_area()}

    def expected() -> dict[str, tuple[int, float | None]]:
        minute = clock.now.replace(second=0, microsecond=0)
        areas = by_area(practice.curriculum, practice.practice_cards(), minute)
        return {a.skill_id: (a.cards, a.recall) for a in areas}

    clock.now = clock.now.replace(second=30)
    for item in ("write-hello", "write-eval"):
        practice.set_status(item, "done")
    practice.grade_card("hello-why", "good")
    practice.grade_card("eval-score", "hard")
    assert asked() == expected() and asked()["coding"][0] == 1
    clock.now += timedelta(days=3)
    assert asked() == expected()
    practice.set_status("write-eval", "todo")  # its card locks: it leaves retention
    assert asked() == expected() and asked()["evals"] == (0, None)
    with Tracker.open(data_dir, pack, clock=clock) as other:
        other.set_card_suspended("hello-why", True)
    assert asked() == expected() and asked()["coding"] == (0, None)
