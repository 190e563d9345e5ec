"""A long practice session through the real window: 200 ratings, suspensions, undos and redos
drawn with a seeded generator, by keyboard, with the clock moving so cards fall due again.
After every step the review log holds exactly the ratings the undo history has applied, the
navigation's count is the tracker's, and the review shows a card that exists (or its summary);
a new tracker on the same folder reads the same log. No Qt warning, no crash."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_practice_review import PRACTICE

from cairn.gui.window.main_window import MainWindow
from cairn.tracker import Tracker
from clocks import Clock

SEED = 17
ACTIONS = 200
ITEMS = ("write-hello", "read-guide", "write-eval", "explain-eval")
ANSWER = "A model answer in our own words, long enough for the format's forty characters."


def _many_cards(pack: Path, per_item: int = 10) -> Path:
    folder = pack / "cards"
    folder.mkdir(exist_ok=True)
    cards = [
        f'[[card]]\nid = "{item}-{n}"\nitem = "{item}"\nprompt = "Question {n} on {item}?"\n'
        f'answer = "{ANSWER}"\n'
        for item in ITEMS
        for n in range(per_item)
    ]
    (folder / "many.toml").write_text("\n".join(cards), encoding="utf-8")
    return pack


def _ratings_applied(window: MainWindow) -> int:
    stack = window.undo_stack
    return sum(1 for n in range(stack.index()) if stack.text(n).startswith("Rate card"))


def test_two_hundred_ratings_and_undos_in_the_window(
    open_window: Callable[[Tracker], MainWindow],
    data_dir: Path,
    small_pack: Path,
    clock: Clock,
    qtbot: QtBot,
) -> None:
    tracker = Tracker.open(data_dir, _many_cards(small_pack), clock=clock)
    tracker.set_new_per_day(999)
    for item in ITEMS:
        tracker.set_status(item, "done")
    window = open_window(tracker)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.navigation.setCurrentIndex(window.navigation_model.index_of(PRACTICE))
    page = window.practice()
    review = page.review
    draw = random.Random(SEED)
    graded = 0
    sessions = 0
    for _step in range(ACTIONS * 2):
        if graded >= ACTIONS:
            break
        if page.stack.currentWidget() is not review or review.stack.currentWidget() is not (
            review.card_view
        ):
            clock.now += timedelta(days=draw.choice((0, 1, 3, 10)))
            page.due.recount()
            page.show_overview()
            if not page.start_review():
                continue
            sessions += 1
        roll = draw.random()
        focused = QApplication.focusWidget()
        assert (focused is not None and review.isAncestorOf(focused)) or focused is review
        if roll < 0.70:
            qtbot.keyClick(review, Qt.Key.Key_Space)
            qtbot.keyClick(review, Qt.Key.Key_1 + draw.randrange(4))  # type: ignore[operator]
            graded += 1
        elif roll < 0.78:
            qtbot.keyClick(review, Qt.Key.Key_S)
        elif roll < 0.93:
            qtbot.keyClick(review, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        else:
            window.undo_stack.redo()
        if draw.random() < 0.1:
            clock.now += timedelta(minutes=draw.choice((1, 11, 90)))
        assert len(tracker.review_log()) == _ratings_applied(window)
        page.due.recount()
        count = window.navigation_model.index_of(PRACTICE).siblingAtColumn(1).data()
        assert (count or "0") == str(tracker.due_count())
        if review.stack.currentWidget() is review.card_view:
            assert review.current_card() is not None
    assert graded >= ACTIONS
    assert sessions > 1  # sessions ended, cards fell due again, new sessions began
    log = [(r.card_id, r.rating, r.reviewed_at) for r in tracker.review_log()]
    states = {c.card.id: (c.state, c.suspended) for c in tracker.practice_cards()}
    with Tracker.open(data_dir, small_pack, clock=clock) as again:
        assert [(r.card_id, r.rating, r.reviewed_at) for r in again.review_log()] == log
        assert {c.card.id: (c.state, c.suspended) for c in again.practice_cards()} == states
