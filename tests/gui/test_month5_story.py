"""The issue's story, end to end on the shipped path: a learner in month 5 who practised along
the way opens Cairn and sees the cards due (in the navigation and on Today), reviews them all
with the keyboard, runs a 20-minute interview drill for the LLM engineer role, and their
mentor's summary says how much they remember per skill area."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cairn.gui.widgets.node import Node
from cairn.gui.window.main_window import MainWindow
from cairn.reports.export import export
from cairn.tracker import Tracker
from clocks import Clock

PRACTICE = Node("group", "practice")
START = datetime(2026, 3, 2, 19, 0)


class Stopwatch:
    """Monotonic seconds the test moves by hand (the drill's clock)."""

    def __init__(self) -> None:
        self.seconds = 1000.0

    def __call__(self) -> float:
        return self.seconds


def _four_months_of_work(tracker: Tracker, clock: Clock) -> None:
    """Months 1-4 finished week by week, with a review of the due cards every few days."""
    curriculum = tracker.curriculum
    weeks = [w for m in curriculum.months[:4] for w in m.week_ids]
    for number, week_id in enumerate(weeks):
        clock.now = START + timedelta(weeks=number)
        for item in curriculum.week_items(week_id):
            tracker.set_status(item.id, "done")
        for day in (1, 4):
            clock.now = START + timedelta(weeks=number, days=day)
            for card in tracker.due_cards():
                tracker.grade_card(card.card.id, "good" if len(card.card.id) % 5 else "hard")


def _press(qtbot: QtBot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key, modifier)


def test_a_month_5_learner_reviews_drills_and_the_mentor_sees_retention(
    open_window: Callable[[Tracker], MainWindow],
    data_dir: Path,
    shipped_pack: Path,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    clock = Clock(START)
    tracker = Tracker.open(data_dir, shipped_pack, clock=clock)
    tracker.set_target_roles("llm-engineer", [])
    _four_months_of_work(tracker, clock)
    clock.now = START + timedelta(weeks=18, days=2)  # month 5, after a week away
    due = tracker.due_count()
    assert due > 15  # reviews come due, besides the day's new cards

    window = open_window(tracker)
    practice = window.navigation_model.index_of(PRACTICE)
    assert practice.siblingAtColumn(1).data() == str(due)
    window.show_node(Node("group", "today"))
    assert f"{due} cards due" in window.header.summary.text()

    window.navigation.setCurrentIndex(practice)
    page = window.practice()
    assert page.headline.text() == f"{due} cards due"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.start.setFocus()
    _press(qtbot, Qt.Key.Key_Space)  # Start review
    review = page.review
    rated = 0
    while review.stack.currentWidget() is not review.summary:
        assert rated < 3 * due, "the review never ends"
        _press(qtbot, Qt.Key.Key_Space)  # the answer
        clock.now += timedelta(seconds=20)
        _press(qtbot, Qt.Key.Key_3 if rated % 4 else Qt.Key.Key_1)  # Good, now and then Again
        rated += 1
    assert rated >= due  # an Again comes back within the session
    assert f"You reviewed {due} cards" in review.summary.reviewed.text()
    assert tracker.due_count() == 0
    assert not practice.siblingAtColumn(1).data()  # the navigation follows in place

    page.show_overview()
    drill = page.open_drill()
    watch = Stopwatch()
    drill.clock = watch
    setup = drill.setup
    assert setup.role_id() == "llm-engineer"  # the primary role
    setup.length.setCurrentIndex(setup.length.findData(20))
    assert drill.start()
    run = drill.run
    asked = 0
    while drill.stack.currentWidget() is run:
        qtbot.keyClicks(run.typing, "Tokens set the price; I would cache the stable prefix.")
        watch.seconds += 150
        drill.tick()
        _press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Reveal
        assert run.rubric  # a rubric to self-rate against
        run.rubric[0].setChecked(True)
        _press(qtbot, Qt.Key.Key_3)
        asked += 1
    assert drill.stack.currentWidget() is drill.summary
    drills = [r for r in tracker.review_log() if r.mode == "drill"]
    assert len(drills) == asked and asked >= 3
    cards = [tracker.practice_card(r.card_id).card for r in drills]
    assert all("llm-engineer" in card.roles for card in cards)
    assert 15 <= sum(card.minutes for card in cards) <= 20  # the questions fill the 20 minutes
    assert sum(r.duration_ms or 0 for r in drills) <= 22 * 60_000  # about 20 minutes

    summary = export(tracker.snapshot(), "md", tmp_path / "summary.md").path.read_text("utf-8")
    evaluation = next(a for a in tracker.retention_by_area() if a.skill_id == "llm-evaluation")
    assert evaluation.cards and evaluation.recall is not None
    assert (
        f"knows {round(evaluation.recall * 100)} % of what they finished in Evaluation" in summary
    )
