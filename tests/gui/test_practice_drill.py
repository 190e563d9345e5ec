"""The interview drill in the real window: the learner's primary role is chosen, the role's
unlocked drill cards are drawn for the length chosen, each question counts down its minutes
beside the drill's total (a clock the test moves, no sleeping), Reveal shows the model answer
and the rubric, the self-rating is recorded as a drill with the time taken, Ctrl+Z asks the
question again, and the end lists every question."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_practice_review import PRACTICE, with_cards

from cairn.gui.practice.drill import DrillWidget
from cairn.gui.window.main_window import MainWindow
from cairn.tracker import Tracker
from clocks import Clock


class Stopwatch:
    """Monotonic seconds the test moves by hand."""

    def __init__(self) -> None:
        self.seconds = 1000.0

    def __call__(self) -> float:
        return self.seconds


@pytest.fixture
def drill_window(
    open_window: Callable[[Tracker], MainWindow], data_dir: Path, small_pack: Path, clock: Clock
) -> MainWindow:
    """The small pack with cards; write-hello and write-eval done; builder is the primary
    role (two drill questions ready for it, one locked)."""
    tracker = Tracker.open(data_dir, with_cards(small_pack), clock=clock)
    for item in ("write-hello", "write-eval"):
        tracker.set_status(item, "done")
    tracker.set_target_roles("builder", ["explainer"])
    return open_window(tracker)


def _drill(window: MainWindow, watch: Stopwatch) -> DrillWidget:
    window.navigation.setCurrentIndex(window.navigation_model.index_of(PRACTICE))
    page = window.practice()
    drill = page.open_drill()
    drill.clock = watch
    return drill


def _press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key, modifier)


def test_a_timed_drill_for_the_primary_role(drill_window: MainWindow, qtbot: QtBot) -> None:
    window, watch = drill_window, Stopwatch()
    drill = _drill(window, watch)
    setup = drill.setup
    assert setup.role_id() == "builder"  # the learner's primary role
    assert "2 questions are ready for this role (1 still locked)" in setup.available.text()
    setup.length.setCurrentIndex(setup.length.findData(10))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    setup.start.setFocus()
    _press(qtbot, Qt.Key.Key_Space)
    run = drill.run
    assert drill.stack.currentWidget() is run
    assert drill.session.queue == ["drill-hello", "drill-eval"]
    assert run.position.text() == "Question 1 of 2"
    assert "first program" in run.prompt.toPlainText()
    assert QApplication.focusWidget() is run.typing
    assert run.left.text() == "2:00 left"
    assert run.total.text() == "Drill 0:00 of 10:00"

    qtbot.keyClicks(run.typing, "It prints 3 things")  # digits are typed, never a rating
    assert run.typing.toPlainText() == "It prints 3 things"
    assert not window.tracker.review_log()
    watch.seconds += 90
    drill.tick()  # what the one-second timer does
    assert run.left.text() == "0:30 left" and run.total.text() == "Drill 1:30 of 10:00"
    _press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Reveal
    assert run.revealed.isVisible() and not run.reveal.isVisible()
    assert "what you checked" in run.answer.toPlainText()
    assert [b.text() for b in run.rubric] == [
        "Says what it does",
        "Says how it ran",
        "Names a check",
    ]
    assert QApplication.focusWidget() is run.rubric[0]
    _press(qtbot, Qt.Key.Key_Space)  # tick the first point
    _press(qtbot, Qt.Key.Key_3)  # Good
    log = window.tracker.review_log()
    assert [(r.card_id, r.rating, r.mode, r.duration_ms) for r in log] == [
        ("drill-hello", 3, "drill", 90_000)
    ]
    assert window.undo_stack.undoText() == "Rate drill card Good"

    assert run.position.text() == "Question 2 of 2"
    watch.seconds += 6 * 60  # a minute over the question's five
    drill.tick()
    assert run.left.text() == "Time is up · 1:00 over"
    drill.reveal()
    assert len(run.rubric) == 4
    _press(qtbot, Qt.Key.Key_2)
    summary = drill.summary
    assert drill.stack.currentWidget() is summary
    assert summary.table.rowCount() == 2
    rows = [[summary.table.item(r, c).text() for c in range(4)] for r in range(2)]
    assert rows == [
        ["Walk me through your first program.", "1:30", "1 of 3", "Good"],
        ["How would you evaluate a summariser?", "6:00", "0 of 4", "Hard"],
    ]
    assert summary.figures.text().startswith("2 questions in 8 min.")
    assert "Hard 1 · Good 1" in summary.figures.text()


def test_undo_asks_the_last_question_again_as_it_was(
    drill_window: MainWindow, qtbot: QtBot
) -> None:
    window, watch = drill_window, Stopwatch()
    drill = _drill(window, watch)
    assert drill.start()
    qtbot.keyClicks(drill.run.typing, "My answer")
    watch.seconds += 40
    drill.reveal()
    drill.run.rubric[1].setChecked(True)
    drill.rate(4)
    assert drill.session.current == "drill-eval"
    window.undo_stack.undo()
    assert window.tracker.review_log() == []
    assert drill.session.current == "drill-hello"
    assert drill.shown and drill.run.revealed.isVisible()
    assert drill.run.typing.toPlainText() == "My answer"
    assert [b.isChecked() for b in drill.run.rubric] == [False, True, False]
    window.undo_stack.redo()
    assert drill.session.current == "drill-eval"
    assert [r.card_id for r in window.tracker.review_log()] == ["drill-hello"]


def test_answering_aloud_shows_the_clock_only(drill_window: MainWindow) -> None:
    drill = _drill(drill_window, Stopwatch())
    drill.setup.aloud.setChecked(True)
    assert drill.start()
    assert not drill.run.typing.isVisible() and drill.run.aloud.isVisible()
    assert drill.run.reveal.hasFocus() or QApplication.focusWidget() is drill.run.reveal


def test_a_role_with_only_locked_questions_explains_why(drill_window: MainWindow) -> None:
    drill = _drill(drill_window, Stopwatch())
    setup = drill.setup
    drill_window.request_status("write-eval", "todo")  # explainer's one question locks again
    setup.role.setCurrentIndex(setup.role.findData("explainer"))
    assert "None of this role's questions is unlocked yet (1 locked)" in setup.available.text()
    assert not setup.start.isEnabled()
    assert not drill.start()


def test_time_up_ends_the_drill_after_the_question_in_hand(drill_window: MainWindow) -> None:
    window, watch = drill_window, Stopwatch()
    drill = _drill(window, watch)
    drill.setup.length.setCurrentIndex(drill.setup.length.findData(10))
    assert drill.start()
    watch.seconds += 11 * 60
    drill.tick()
    assert "time is up" in drill.run.total.text()
    drill.reveal()
    drill.rate(3)
    assert drill.stack.currentWidget() is drill.summary
    assert drill.summary.table.rowCount() == 1


def test_tab_goes_from_the_rubric_to_the_ratings(drill_window: MainWindow, qtbot: QtBot) -> None:
    """After the last rubric point, Tab reaches the rating buttons before leaving the drill,
    for every question's rubric (the second question's boxes are made anew)."""
    window = drill_window
    drill = _drill(window, Stopwatch())
    assert drill.start()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for _question in range(2):
        drill.reveal()
        run = drill.run
        run.rubric[0].setFocus()
        qtbot.waitUntil(lambda r=run: QApplication.focusWidget() is r.rubric[0])
        for box in run.rubric[1:]:
            _press(qtbot, Qt.Key.Key_Tab)
            assert QApplication.focusWidget() is box
        for rating in (1, 2, 3, 4):
            _press(qtbot, Qt.Key.Key_Tab)
            assert QApplication.focusWidget() is run.rate_buttons[rating]
        drill.rate(3)
