"""Everyday practice actions read only what they change (issue 17's review: at 5,000 cards each
one re-read every card). Rating a card, showing an item, marking its status, suspending a card
from the list and undoing it never read every card again; the list's rows are redrawn in
place by card id (no reset: the selection and the scroll position stay), a status change
redraws only that item's rows, and a hidden list is brought up to date when it is shown.
tests/benchmarks/test_bench_practice_gui.py times the same actions at size."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot
from test_practice_long_session import _many_cards
from test_practice_review import PRACTICE, _focus, _page, _press

from cairn.gui.practice.page import PracticePage
from cairn.gui.widgets.node import Node
from cairn.gui.window.main_window import MainWindow
from cairn.tracker import Tracker
from clocks import Clock

DONE = ("write-hello", "read-guide")  # 10 cards each (and write-hello's drill card)


class FullReads:
    """Counts the tracker's reads of every card."""

    def __init__(self, tracker: Tracker, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        every = tracker.practice_cards

        def counted():  # type: ignore[no-untyped-def]
            self.count += 1
            return every()

        monkeypatch.setattr(tracker, "practice_cards", counted)


class RowsRedrawn:
    """The rows a model said changed, and whether it was reset or laid out again."""

    def __init__(self, page: PracticePage) -> None:
        self.rows: set[int] = set()
        self.resets = 0
        model = page.model
        model.dataChanged.connect(self._changed)
        model.modelReset.connect(self._reset)
        model.layoutChanged.connect(self._reset)

    def _changed(self, first: QModelIndex, last: QModelIndex, _roles: object = None) -> None:
        self.rows.update(range(first.row(), last.row() + 1))

    def _reset(self, *_args: object) -> None:
        self.resets += 1


@pytest.fixture
def many_window(
    open_window: Callable[[Tracker], MainWindow], data_dir: Path, small_pack: Path, clock: Clock
) -> MainWindow:
    """The small pack with 10 recall cards on each of its four items (and the review
    tests' cards); two items done; the Practice list built and in view."""
    from test_practice_review import with_cards

    tracker = Tracker.open(data_dir, _many_cards(with_cards(small_pack)), clock=clock)
    tracker.set_new_per_day(999)
    for item in DONE:
        tracker.set_status(item, "done")
    window = open_window(tracker)
    window.resize(1000, 600)
    _page(window)
    return window


def _ids(page: PracticePage, rows: set[int]) -> set[str]:
    return {page.model.cards[row].card.id for row in rows}


def test_a_review_reads_only_the_cards_it_rates(
    many_window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = many_window
    reads = FullReads(window.tracker, monkeypatch)
    page = window.practice()
    _focus(qtbot, window, page.start)
    _press(qtbot, Qt.Key.Key_Space)  # Start review
    review = page.review
    first = review.session.current
    for _card in range(5):
        _press(qtbot, Qt.Key.Key_Space)
        _press(qtbot, Qt.Key.Key_3)
    assert len(window.tracker.review_log()) == 5
    _press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(window.tracker.review_log()) == 4
    assert reads.count == 0
    assert review.cards[first].state is not None  # the rated card was read again
    _press(qtbot, Qt.Key.Key_Escape)  # the summary …
    _press(qtbot, Qt.Key.Key_Escape)  # … and the list, brought up to date in place
    assert page.stack.currentWidget() is page.overview
    row = page.model.row_of(first)
    assert page.model.index(row, 3).data() not in ("New", "Due now")  # scheduled later
    assert page.headline.text() == f"{window.tracker.due_count()} cards due"


def test_showing_an_item_says_its_card_count_without_reading_cards(
    many_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = many_window
    window.show_node(Node("week", "w01"))
    window.go_to_item("write-hello")
    box = window.detail.cards
    reads = FullReads(window.tracker, monkeypatch)
    assert box.count.text() == "13 practice cards"
    window.go_to_item("read-guide")
    assert box.count.text() == "11 practice cards"
    window.show_node(Node("week", "w02"))
    window.go_to_item("write-eval")
    assert box.count.text() == "12 practice cards · they unlock when you finish this item"
    window.request_status("write-eval", "done")
    assert box.count.text() == "12 practice cards"
    window.undo_stack.undo()
    assert box.count.text().endswith("they unlock when you finish this item")
    dialog = box.make_card("A passage of the note, long enough to be an answer here.")
    assert dialog is not None
    dialog.prompt.setPlainText("What did the passage say?")
    assert dialog.save()
    assert box.count.text() == "13 practice cards · 1 yours · they unlock when you finish this item"
    window.undo_stack.undo()
    assert box.count.text().startswith("12 practice cards · they")
    assert reads.count == 0


def test_a_status_change_redraws_only_that_items_rows(
    many_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = many_window
    page = window.practice()
    reads = FullReads(window.tracker, monkeypatch)
    redrawn = RowsRedrawn(page)
    window.request_status("write-eval", "done")
    eval_cards = {c.card.id for c in page.model.cards if c.card.item_id == "write-eval"}
    assert len(eval_cards) == 12
    assert _ids(page, redrawn.rows) == eval_cards  # those rows, no other
    assert all(page.model.cards[page.model.row_of(c)].unlocked for c in eval_cards)
    assert page.model.index(page.model.row_of("write-eval-0"), 3).data() == "New"
    redrawn.rows.clear()
    window.undo_stack.undo()
    assert _ids(page, redrawn.rows) == eval_cards
    assert page.model.index(page.model.row_of("write-eval-0"), 3).data() == "Locked"
    assert redrawn.resets == 0 and reads.count == 0


def test_suspend_and_undo_from_the_list_keep_selection_and_scroll(
    many_window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = many_window
    window.request_status("explain-eval", "done")  # the last rows' cards are unlocked
    page = window.practice()
    table = page.table
    bar = table.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)  # more rows than fit
    bar.setValue(bar.maximum())
    row = page.proxy.rowCount() - 3  # an explain-eval card
    table.selectRow(row)
    card = page.selected_card()
    assert card is not None and not card.suspended
    at = bar.value()
    reads = FullReads(window.tracker, monkeypatch)
    redrawn = RowsRedrawn(page)
    page.toggle_suspended()
    assert window.tracker.practice_card(card.card.id).suspended
    assert page.model.index(page.model.row_of(card.card.id), 3).data() == "Suspended"
    assert page.suspend.text() == "Restore"
    window.undo_stack.undo()
    assert not window.tracker.practice_card(card.card.id).suspended
    assert page.suspend.text() == "Suspend"
    selected = page.selected_card()
    assert selected is not None and selected.card.id == card.card.id
    assert table.currentIndex().row() == row and bar.value() == at
    assert _ids(page, redrawn.rows) == {card.card.id}
    assert redrawn.resets == 0 and reads.count == 0


def test_a_hidden_list_catches_up_when_shown(
    many_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = many_window
    page = window.practice()
    window.show_node(Node("week", "w01"))
    assert not page.isVisible()
    reads = FullReads(window.tracker, monkeypatch)
    redrawn = RowsRedrawn(page)
    window.request_status("write-eval", "done")  # nothing is drawn out of view
    assert not redrawn.rows
    window.go_to_item("write-hello")
    dialog = window.detail.cards.make_card("An own answer, long enough for the format here.")
    assert dialog is not None
    dialog.prompt.setPlainText("An own question?")
    assert dialog.save()
    assert not redrawn.rows and page.model.row_of("own-1") == -1
    window.navigation.setCurrentIndex(window.navigation_model.index_of(PRACTICE))
    assert page.isVisible()
    own = page.model.row_of("own-1")
    assert own >= 0 and page.model.cards[own].card.item_id == "write-hello"
    listed = [c.card.id for c in page.model.cards]
    assert listed == [c.card.id for c in window.tracker.practice_cards()]  # the tracker's order
    assert page.model.index(page.model.row_of("write-eval-3"), 3).data() == "New"
    assert page.shown_count.text() == f"{len(listed)} of {len(listed)} cards"
    assert redrawn.resets == 0 and reads.count == 1  # that one is the check above
