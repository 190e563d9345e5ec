"""Retention beside readiness on the dashboard: each skill area of the role shown says how much
of the finished work the learner would recall now ("100 %", or "—" with no reviewed card), and
grading cards never moves the readiness score."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from test_practice_review import with_cards

from cairn.gui.widgets.node import Node
from cairn.gui.window.main_window import MainWindow
from cairn.tracker import Tracker
from clocks import Clock

READINESS = Node("group", "readiness")


def test_remembered_per_area_is_shown_beside_readiness(
    open_window: Callable[[Tracker], MainWindow], data_dir: Path, small_pack: Path, clock: Clock
) -> None:
    tracker = Tracker.open(data_dir, with_cards(small_pack), clock=clock)
    for item in ("write-hello", "read-guide"):
        tracker.set_status(item, "done")
    tracker.set_target_roles("builder", [])
    window = open_window(tracker)
    window.show_node(READINESS)
    page = window.dashboard()
    box = page.remembered
    assert box.isVisible() and box.accessibleName() == "Remembered per skill area"
    assert box.shown == [("Coding", "—"), ("Evaluation", "—")]  # nothing reviewed yet
    score = page.state.text()

    window.show_node(Node("group", "practice"))
    practice = window.practice()
    practice.start_review()
    for rating in (3, 4):  # hello-why Good, hello-print Easy
        practice.review.reveal()
        practice.review.rate(rating)
    clock.now += timedelta(days=2)
    window.show_node(READINESS)
    expected = {a.name: a for a in tracker.retention_by_area()}
    coding = expected["Coding"]
    assert coding.cards == 2 and coding.recall is not None and 0 < coding.recall < 1
    assert box.shown == [("Coding", f"{round(coding.recall * 100)} %"), ("Evaluation", "—")]
    cells = [box.table.item(0, c).text() for c in range(3)]
    assert cells == ["Coding", "2", f"{round(coding.recall * 100)} %"]
    assert page.state.text() == score  # readiness keeps its score

    page.role.setCurrentIndex(page.role.findData("explainer"))
    assert [name for name, _value in box.shown] == ["Communication", "Evaluation"]
