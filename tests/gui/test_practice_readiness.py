"""Retention beside readiness on the dashboard: each skill area of the role shown says how much
of the finished work the learner would recall now ("100 %", or "—" with no reviewed card), and
grading cards never moves the readiness score."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem
from test_practice_review import with_cards

from cairn.gui.widgets.node import Node
from cairn.gui.window.main_window import MainWindow
from cairn.tracker import Tracker
from clocks import Clock

READINESS = Node("group", "readiness")
TEXT_MARGIN = 6  # pixels either side of a name in its cell


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


def test_every_area_name_is_whole_after_the_window_is_resized(
    open_window: Callable[[Tracker], MainWindow], data_dir: Path, shipped_pack: Path, qtbot
) -> None:
    """Rows follow the name column's width: after resizing narrower and wider, each row is at
    least as tall as its name wrapped at that width, and the table shows every row."""
    tracker = Tracker.open(data_dir, shipped_pack)
    tracker.set_target_roles("llm-engineer", [])
    window = open_window(tracker)
    window.show_node(READINESS)
    table = window.dashboard().remembered.table
    assert table.rowCount() >= 6
    for width, height in ((1440, 900), (1152, 648), (1280, 720), (1024, 600), (1440, 900)):
        window.resize(width, height)
        qtbot.waitUntil(lambda w=width: window.width() == max(w, window.minimumWidth()))
        QApplication.processEvents()
        column = table.columnWidth(0)
        metrics = table.fontMetrics()
        for row in range(table.rowCount()):
            name = table.item(row, 0).text()
            option = QStyleOptionViewItem()
            option.initFrom(table)
            option.rect = QRect(0, 0, column, 1)
            delegate = table.itemDelegateForColumn(0) or table.itemDelegate()
            hint = delegate.sizeHint(option, table.model().index(row, 0))
            wrapped = metrics.boundingRect(
                QRect(0, 0, column - 2 * TEXT_MARGIN, 100_000),
                int(Qt.TextFlag.TextWordWrap),
                name,
            )
            assert wrapped.width() <= column - 2 * TEXT_MARGIN, (name, width)  # no word cut
            assert table.rowHeight(row) >= max(hint.height(), wrapped.height()), (name, width)
        rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
        assert table.height() >= rows + table.horizontalHeader().height()  # no row hidden
