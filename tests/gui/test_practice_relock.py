"""A card whose item is marked "to do" again during a review leaves the session at once: the
card shown gives way to the next one (or to the summary when none is left), the position and
the summary count only what was done, ratings go on by keyboard, and Edit → Undo of the
status brings the cards back in their place. All by keyboard, in the real window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_practice_review import _focus, _page, _press, practice_window  # noqa: F401

from cairn.gui.window.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def _start(window: MainWindow, qtbot: QtBot):  # type: ignore[no-untyped-def]
    page = _page(window)
    _focus(qtbot, window, page.start)
    _press(qtbot, Qt.Key.Key_Space)  # Start review
    review = page.review
    assert review.session.queue == ["hello-why", "hello-print", "drill-hello", "guide-gist"]
    return page, review


def test_the_card_shown_locked_again_moves_on_and_comes_back_on_undo(
    practice_window: MainWindow,  # noqa: F811
    qtbot: QtBot,
) -> None:
    window = practice_window
    tracker = window.tracker
    _page_shown, review = _start(window, qtbot)
    _press(qtbot, Qt.Key.Key_Space)
    _press(qtbot, Qt.Key.Key_4)  # hello-why: Easy (days away: it does not come back today)
    assert review.session.current == "hello-print"
    _press(qtbot, Qt.Key.Key_Space)  # its answer is shown …
    assert review.position.text() == "Card 2 of 4"

    window.request_status("write-hello", "todo")  # … when its item is reopened
    assert not tracker.practice_card("hello-print").unlocked
    assert review.stack.currentWidget() is review.card_view
    assert review.session.current == "guide-gist"  # hello-print and drill-hello left
    assert "main advice" in review.prompt.toPlainText()
    assert not review.answer_shown and not review.beside.isVisible()
    assert review.position.text() == "Card 2 of 2"

    _focus(qtbot, window, review)
    _press(qtbot, Qt.Key.Key_3)  # no rating before the answer, as ever
    assert [r.card_id for r in tracker.review_log()] == ["hello-why"]
    _press(qtbot, Qt.Key.Key_Space)
    _press(qtbot, Qt.Key.Key_4)  # rated, not refused
    assert [r.card_id for r in tracker.review_log()] == ["hello-why", "guide-gist"]
    assert review.stack.currentWidget() is review.summary
    assert review.summary.reviewed.text() == "You reviewed 2 cards."
    assert review.summary.ratings.text() == "Again 0 · Hard 0 · Good 0 · Easy 2"

    _press(qtbot, Qt.Key.Key_Z, CTRL)  # the last rating taken back: that card again
    assert review.stack.currentWidget() is review.card_view
    assert review.session.current == "guide-gist"
    assert [r.card_id for r in tracker.review_log()] == ["hello-why"]
    _press(qtbot, Qt.Key.Key_Z, CTRL)  # the status taken back: the card left comes back
    assert tracker.status("write-hello") == "done"
    assert review.session.current == "hello-print"
    assert "greeting" in review.prompt.toPlainText()
    assert review.position.text() == "Card 2 of 4"
    _press(qtbot, Qt.Key.Key_Space)
    _press(qtbot, Qt.Key.Key_2)
    assert review.session.current == "drill-hello"
    assert [r.card_id for r in tracker.review_log()] == ["hello-why", "hello-print"]


def test_the_last_card_locked_again_ends_in_the_summary(
    practice_window: MainWindow,  # noqa: F811
    qtbot: QtBot,
) -> None:
    window = practice_window
    _page_shown, review = _start(window, qtbot)
    for _card in range(3):
        _press(qtbot, Qt.Key.Key_Space)
        _press(qtbot, Qt.Key.Key_1 if _card == 0 else Qt.Key.Key_4)  # hello-why: Again
    assert review.session.current == "guide-gist"
    assert review.position.text() == "Card 4 of 5"  # hello-why comes back at the end

    window.request_status("read-guide", "todo")  # guide-gist leaves; hello-why is left
    assert review.session.current == "hello-why"
    assert review.position.text() == "Card 4 of 4"
    window.request_status("write-hello", "todo")  # and now nothing is left
    assert review.stack.currentWidget() is review.summary
    assert review.summary.reviewed.text() == (
        "You reviewed 3 cards."  # what was done, nothing of the cards that left
    )
    assert review.summary.ratings.text() == "Again 1 · Hard 0 · Good 0 · Easy 2"

    window.undo_stack.undo()  # write-hello done again: its card back on screen
    assert review.stack.currentWidget() is review.card_view
    assert review.session.current == "hello-why"
    _focus(qtbot, window, review)
    _press(qtbot, Qt.Key.Key_Space)
    _press(qtbot, Qt.Key.Key_4)
    assert review.stack.currentWidget() is review.summary
    assert review.summary.ratings.text() == "Again 1 · Hard 0 · Good 0 · Easy 3"
    assert [r.card_id for r in window.tracker.review_log()] == [
        "hello-why",
        "hello-print",
        "drill-hello",
        "hello-why",
    ]
