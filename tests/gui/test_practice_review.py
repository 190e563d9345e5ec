"""The Practice page and its keyboard review, in the real window over a real tracker (the small
pack with practice cards, a clock the test moves): the due count in the navigation and on Today
follows grades and finished items in place; Space, 1–4, E, S and Ctrl+Z work the review; the
summary says what was done; an empty Practice explains itself."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cairn.gui.checklist.pages import PRACTICE_LINK
from cairn.gui.practice.page import PracticePage
from cairn.gui.practice.session import GRADE, Session, Step
from cairn.gui.practice.summary import SessionSummary
from cairn.gui.widgets.node import Node
from cairn.gui.window.main_window import MainWindow
from cairn.tracker import Tracker
from clocks import Clock

PRACTICE = Node("group", "practice")
TODAY = Node("group", "today")
ANSWER = "A model answer in our own words, long enough for the format's forty characters."

#: Cards for the small fixture pack: recall cards on three items, drill cards for two roles.
CARDS = f"""
[[card]]
id = "hello-why"
item = "write-hello"
prompt = "Why start with **hello world**?"
answer = "It proves the toolchain works end to end. {ANSWER}"
tags = ["basics"]

[[card]]
id = "hello-print"
item = "write-hello"
prompt = "How do you print a greeting?"
answer = "Call `print` with the text. {ANSWER}"

[[card]]
id = "guide-gist"
item = "read-guide"
prompt = "What is the guide's main advice?"
answer = "Read it all, then try each part. {ANSWER}"

[[card]]
id = "eval-score"
item = "write-eval"
prompt = "How do you score outputs?"
answer = "Against a golden set with a fixed rubric. {ANSWER}"
tags = ["evals"]

[[card]]
id = "drill-hello"
item = "write-hello"
kind = "drill"
prompt = "Walk me through your first program."
answer = "Say what it does, how you ran it, what you checked. {ANSWER}"
roles = ["builder"]
rubric = ["Says what it does", "Says how it ran", "Names a check"]
minutes = 2

[[card]]
id = "drill-eval"
item = "write-eval"
kind = "drill"
prompt = "How would you evaluate a summariser?"
answer = "A golden set, a rubric, a baseline and a regular run. {ANSWER}"
roles = ["builder", "explainer"]
rubric = ["Golden set", "Rubric", "Baseline", "Runs it regularly"]
minutes = 5

[[card]]
id = "drill-demo"
item = "demo-start"
kind = "drill"
prompt = "Design the demo's first measurement."
answer = "Pick a metric, a baseline and how often to measure. {ANSWER}"
roles = ["builder"]
rubric = ["Names a metric", "Names a baseline", "Says how often"]
minutes = 3
"""


def with_cards(pack: Path) -> Path:
    """The pack with the practice cards above."""
    folder = pack / "cards"
    folder.mkdir(exist_ok=True)
    (folder / "practice.toml").write_text(CARDS, encoding="utf-8")
    return pack


@pytest.fixture
def practice_window(
    open_window: Callable[[Tracker], MainWindow], data_dir: Path, small_pack: Path, clock: Clock
) -> MainWindow:
    """The window over the small pack with cards; write-hello and read-guide are done."""
    tracker = Tracker.open(data_dir, with_cards(small_pack), clock=clock)
    tracker.set_status("write-hello", "done")
    tracker.set_status("read-guide", "done")
    return open_window(tracker)


def _page(window: MainWindow) -> PracticePage:
    window.navigation.setCurrentIndex(window.navigation_model.index_of(PRACTICE))
    page = window.practice()
    assert window.centre.currentWidget() is page
    return page


def _nav_count(window: MainWindow) -> str:
    index = window.navigation_model.index_of(PRACTICE)
    return str(index.siblingAtColumn(1).data() or "")


def _focus(qtbot: QtBot, window: MainWindow, widget: object) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    widget.setFocus()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def _press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """A key pressed where the keyboard focus is (as a learner would)."""
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key, modifier)


def test_the_navigation_counts_the_cards_due(practice_window: MainWindow) -> None:
    assert _nav_count(practice_window) == "4"  # hello-why, hello-print, drill-hello, guide-gist
    index = practice_window.navigation_model.index_of(PRACTICE)
    assert index.siblingAtColumn(1).data(Qt.ItemDataRole.AccessibleTextRole) == "4 due"
    above = practice_window.navigation_model.index_of(Node("group", "history"))
    assert index.row() == above.row() + 1  # under Today and History


def test_a_review_by_keyboard_only(practice_window: MainWindow, qtbot: QtBot) -> None:
    window = practice_window
    page = _page(window)
    assert page.headline.text() == "4 cards due"
    _focus(qtbot, window, page.start)
    _press(qtbot, Qt.Key.Key_Space)  # Start review
    review = page.review
    assert page.stack.currentWidget() is review
    assert review.session.current == "hello-why"
    assert "hello world" in review.prompt.toPlainText()
    assert not review.beside.isVisible()  # the answer waits for Space
    _press(qtbot, Qt.Key.Key_3)  # a rating before the answer does nothing
    assert review.session.current == "hello-why" and not window.tracker.review_log()

    _press(qtbot, Qt.Key.Key_Space)
    assert review.beside.isVisible()
    assert "toolchain" in review.answer.toPlainText()
    assert "no note" in review.note.toPlainText()
    assert review.rate_buttons[3].text().startswith("Good · ")  # the next interval is said
    _press(qtbot, Qt.Key.Key_3)
    assert [r.card_id for r in window.tracker.review_log()] == ["hello-why"]
    assert window.undo_stack.undoText() == "Rate card Good"
    assert review.session.current == "hello-print"
    assert _nav_count(window) == "3"  # in place

    _press(qtbot, Qt.Key.Key_Space)
    _press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # nothing of this card yet:
    assert review.session.current == "hello-why"  # the last rating is taken back
    assert window.tracker.review_log() == [] and _nav_count(window) == "4"
    assert not review.answer_shown

    _press(qtbot, Qt.Key.Key_Space)
    _press(qtbot, Qt.Key.Key_4)  # Easy
    _press(qtbot, Qt.Key.Key_S)  # suspend hello-print
    assert window.tracker.practice_card("hello-print").suspended
    assert window.undo_stack.undoText() == "Suspend card"
    assert review.session.current == "drill-hello"
    _press(qtbot, Qt.Key.Key_Space)
    assert "Names a check" in review.answer.toPlainText()  # a drill card shows its rubric
    _press(qtbot, Qt.Key.Key_3)  # Good: its next learning step is minutes away …
    assert review.session.current == "guide-gist"
    _press(qtbot, Qt.Key.Key_Space)
    _press(qtbot, Qt.Key.Key_2)  # Hard, the same
    assert review.session.current == "drill-hello"  # … so both come back before the end
    _press(qtbot, Qt.Key.Key_Space)
    _press(qtbot, Qt.Key.Key_4)  # Easy: days away now
    assert review.session.current == "guide-gist"
    _press(qtbot, Qt.Key.Key_Space)
    _press(qtbot, Qt.Key.Key_4)
    assert review.stack.currentWidget() is review.summary
    assert "You reviewed 3 cards" in review.summary.reviewed.text()
    assert "suspended 1" in review.summary.reviewed.text()
    assert review.summary.ratings.text() == "Again 0 · Hard 1 · Good 1 · Easy 3"
    assert review.summary.time_taken.text().startswith("Time taken: ")
    assert review.summary.next_due.text().startswith("Next review: ")
    assert _nav_count(window) == ""  # nothing left due minutes after the session

    _press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # back into the session
    assert review.stack.currentWidget() is review.card_view
    assert review.session.current == "guide-gist"
    _press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert review.session.current == "drill-hello"
    _press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert review.session.current == "guide-gist"
    _press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert review.session.current == "drill-hello"
    _press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the suspension too
    assert review.session.current == "hello-print"
    assert not window.tracker.practice_card("hello-print").suspended
    assert _nav_count(window) == "3"
    window.undo_stack.redo()  # Edit → Redo
    assert review.session.current == "drill-hello"  # redone: suspended again, moved on
    assert window.tracker.practice_card("hello-print").suspended

    _press(qtbot, Qt.Key.Key_Escape)  # the summary …
    assert review.stack.currentWidget() is review.summary
    _press(qtbot, Qt.Key.Key_Escape)  # … and back to the page
    assert page.stack.currentWidget() is page.overview
    assert page.headline.text() == "2 cards due"


def test_again_shows_the_card_once_more_at_the_end(
    practice_window: MainWindow, qtbot: QtBot
) -> None:
    page = _page(practice_window)
    assert page.start_review()
    review = page.review
    review.reveal()
    review.rate(1)
    queue = ["hello-why", "hello-print", "drill-hello", "guide-gist"]
    assert review.session.queue == [*queue, "hello-why"]
    practice_window.undo_stack.undo()
    assert review.session.queue == queue
    assert review.session.current == "hello-why"


def test_e_edits_the_card_and_the_review_shows_the_new_text(
    practice_window: MainWindow, qtbot: QtBot
) -> None:
    window = practice_window
    page = _page(window)
    page.start_review()
    _focus(qtbot, window, page.review)
    _press(qtbot, Qt.Key.Key_Space)
    _press(qtbot, Qt.Key.Key_E)
    dialog = page.review.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)
    assert QApplication.focusWidget() is dialog.prompt
    assert dialog.prompt.toPlainText() == "Why start with **hello world**?"
    dialog.prompt.setPlainText("Why begin with hello world?")
    qtbot.keyClick(dialog.prompt, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    assert window.tracker.practice_card("hello-why").card.prompt == "Why begin with hello world?"
    assert "Why begin with hello world?" in page.review.prompt.toPlainText()
    assert page.review.answer_shown  # still on the same card, answer shown
    assert window.undo_stack.undoText() == "Edit card"
    window.undo_stack.undo()
    assert "Why start with hello world?" in page.review.prompt.toPlainText()
    assert not window.tracker.practice_card("hello-why").edited


def test_the_learner_note_is_shown_beside_the_answer_rendered_inert(
    practice_window: MainWindow, qtbot: QtBot
) -> None:
    window = practice_window
    window.tracker.set_note("write-hello", "I used **uv run**. <script>alert(1)</script>")
    page = _page(window)
    page.start_review()
    page.review.reveal()
    html = page.review.note.toHtml()
    assert "uv run" in page.review.note.toPlainText()
    assert "<script" not in html  # shown as the text it is, never run


def test_due_count_on_today_follows_grades_and_finished_items(
    practice_window: MainWindow, qtbot: QtBot
) -> None:
    window = practice_window
    window.show_node(TODAY)
    assert "[4 cards due](#practice)" in window.items.page.summary
    assert "4 cards due" in window.header.summary.text()
    window.request_status("write-eval", "done")  # unlocks eval-score and drill-eval
    assert _nav_count(window) == "6"
    assert "[6 cards due](#practice)" in window.items.page.summary
    window.undo_stack.undo()
    assert _nav_count(window) == "4" and "4 cards due" in window.header.summary.text()

    page = _page(window)
    page.start_review()
    page.review.reveal()
    page.review.rate(3)
    window.show_node(TODAY)
    assert "3 cards due" in window.header.summary.text()
    window.undo_stack.undo()  # Today is in view: redrawn in place
    assert "4 cards due" in window.header.summary.text()
    window.header.summary.linkActivated.emit(PRACTICE_LINK)  # the link opens Practice
    assert window.centre.currentWidget() is window.practice()
    assert window.navigation_model.node_at(window.navigation.currentIndex()) == PRACTICE


def test_cards_falling_due_later_are_counted_when_the_minute_passes(
    practice_window: MainWindow, clock: Clock
) -> None:
    window = practice_window
    page = _page(window)
    page.start_review()
    page.review.reveal()
    page.review.rate(3)  # Good on a new card: back in about ten minutes
    assert _nav_count(window) == "3"
    clock.now += timedelta(minutes=15)
    page.due.recount()  # what the minute timer does
    assert _nav_count(window) == "4"


def test_empty_practice_explains_when_cards_unlock(
    open_window: Callable[[Tracker], MainWindow], data_dir: Path, small_pack: Path, clock: Clock
) -> None:
    window = open_window(Tracker.open(data_dir, with_cards(small_pack), clock=clock))
    page = _page(window)
    assert _nav_count(window) == ""
    assert page.headline.text() == "Nothing due"
    assert "Cards unlock when you finish items" in page.explain.text()
    assert not page.start.isEnabled()
    assert "cards due" not in window.items.page.summary or window.node != TODAY
    window.show_node(TODAY)
    assert "cards due" not in window.header.summary.text()


def test_nothing_due_says_when_the_next_review_is(practice_window: MainWindow) -> None:
    window = practice_window
    page = _page(window)
    page.start_review()
    for _card in range(4):
        page.review.reveal()
        page.review.rate(4)  # Easy: days away
    page.review.finish()
    assert page.headline.text() == "Nothing due"
    assert "next review" in page.explain.text()
    assert "Cards unlock when you finish items" in page.explain.text()


def test_the_card_list_filters_and_suspends_in_place(
    practice_window: MainWindow,
    qtmodeltester,  # type: ignore[no-untyped-def]
) -> None:
    window = practice_window
    page = _page(window)
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)
    assert page.shown_count.text() == "7 of 7 cards"
    page.state.setCurrentIndex(page.state.findData("locked"))
    assert page.proxy.rowCount() == 3  # eval-score, drill-eval, drill-demo
    page.state.setCurrentIndex(page.state.findData("all"))
    page.words.setText("greeting")
    assert page.proxy.rowCount() == 1
    assert page.select_card("hello-print")
    page.toggle_suspended()
    assert window.tracker.practice_card("hello-print").suspended
    assert page.suspend.text() == "Restore"
    assert page.selected_card() is not None and page.selected_card().card.id == "hello-print"  # type: ignore[union-attr]
    assert _nav_count(window) == "3"
    window.undo_stack.undo()
    assert page.suspend.text() == "Suspend" and _nav_count(window) == "4"


def test_desired_retention_is_saved_and_undone(practice_window: MainWindow) -> None:
    window = practice_window
    page = _page(window)
    assert page.retention.value() == 90
    page.retention.setValue(85)
    assert page.commit_retention() is not None
    assert window.tracker.desired_retention() == pytest.approx(0.85)
    assert window.undo_stack.undoText() == "Set desired retention"
    window.undo_stack.undo()
    assert window.tracker.desired_retention() == pytest.approx(0.9)
    assert page.retention.value() == 90


def test_the_shortcut_sheet_lists_the_practice_keys(practice_window: MainWindow) -> None:
    texts = practice_window.show_shortcuts().texts()
    assert "Show the answer: Space" in texts
    assert "Rate Again, Hard, Good, Easy: 1, 2, 3, 4" in texts
    assert "Reveal the model answer: Ctrl+Enter" in texts


def test_find_in_list_goes_to_the_card_filter(practice_window: MainWindow, qtbot: QtBot) -> None:
    window = practice_window
    page = _page(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.find_in_list()  # Edit → Find in list (Ctrl+F)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.words)
    qtbot.keyClicks(page.words, "greeting")
    assert page.shown_count.text() == "1 of 7 cards"


def test_aim_to_remember_is_saved_when_the_window_closes_at_once(
    qtbot: QtBot, data_dir: Path, small_pack: Path, clock: Clock
) -> None:
    """92 % typed, the window closed within the save delay: 0.92 is what the next start reads."""
    tracker = Tracker.open(data_dir, with_cards(small_pack), clock=clock)
    window = MainWindow(tracker)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    page = _page(window)
    _focus(qtbot, window, page.retention)
    page.retention.lineEdit().selectAll()
    qtbot.keyClicks(page.retention, "92")
    _press(qtbot, Qt.Key.Key_Return)
    assert page.retention.value() == 92 and page.retention_pending()
    window.close()
    tracker.close()
    with Tracker.open(data_dir, small_pack, read_only=True) as reopened:
        assert reopened.desired_retention() == pytest.approx(0.92)


def test_aim_to_remember_is_saved_when_the_page_is_left(practice_window: MainWindow) -> None:
    window = practice_window
    page = _page(window)
    page.retention.setValue(80)
    assert page.retention_pending()
    window.show_node(Node("week", "w01"))
    assert not page.isVisible() and not page.retention_pending()
    assert window.tracker.desired_retention() == pytest.approx(0.80)
    assert window.undo_stack.undoText() == "Set desired retention"


@pytest.mark.parametrize(
    ("ratings", "words"),
    [
        # a card still in its learning steps comes back within minutes though rated Good
        ([("a", 3), ("b", 3), ("a", 3), ("b", 4)], "cards still in their learning steps came back"),
        ([("a", 1), ("b", 3), ("a", 3)], "cards you did not recall came back"),
        (
            [("a", 1), ("b", 2), ("a", 3), ("b", 3)],
            "cards you did not recall, and cards still in their learning steps, came back",
        ),
    ],
)
def test_the_summary_says_why_cards_came_back(
    qtbot: QtBot, ratings: list[tuple[str, int]], words: str
) -> None:
    summary = SessionSummary()
    qtbot.addWidget(summary)
    steps = [Step(GRADE, card, None, rating=rating) for card, rating in ratings]
    session = Session(queue=[card for card, _r in ratings], started=0.0, steps=steps)
    summary.show_session(session, 60.0, None, 0)
    text = summary.reviewed.text()
    assert text == f"You reviewed 2 cards ({len(ratings)} ratings: {words})."
    if "did not recall" not in words:
        assert summary.ratings.text().startswith("Again 0")


def test_the_summary_adds_nothing_when_each_card_was_rated_once(qtbot: QtBot) -> None:
    summary = SessionSummary()
    qtbot.addWidget(summary)
    steps = [Step(GRADE, "a", None, rating=1), Step(GRADE, "b", None, rating=3)]
    summary.show_session(Session(queue=["a", "b"], started=0.0, steps=steps), 5.0, None, 0)
    assert summary.reviewed.text() == "You reviewed 2 cards."


def test_todays_cards_due_link_is_reached_and_opened_by_keyboard(
    practice_window: MainWindow, qtbot: QtBot
) -> None:
    window = practice_window
    window.show_node(TODAY)
    summary = window.header.summary
    assert "4 cards due" in summary.text()
    _focus(qtbot, window, window.navigation)
    for _press_count in range(40):
        if QApplication.focusWidget() is summary:
            break
        _press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is summary  # Tab reaches the link
    _press(qtbot, Qt.Key.Key_Return)
    assert window.centre.currentWidget() is window.practice()
    assert window.navigation_model.node_at(window.navigation.currentIndex()) == PRACTICE

    window.show_node(Node("week", "w01"))  # a summary without a link is no Tab stop
    assert "](" not in summary.text()
    assert summary.focusPolicy() == Qt.FocusPolicy.NoFocus
