"""Making and editing cards: "Make a card…" in the item pane, "Make a card from selection…" in
the note's context menu (the passage becomes the answer), the card dialog's refusals said in
the dialog, a shipped card's edit restored, and every step undone and redone by name."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot
from test_practice_review import PRACTICE, with_cards

from cairn.gui.practice.card_dialog import CardDialog
from cairn.gui.practice.item_cards import note_menu
from cairn.gui.widgets.node import Node
from cairn.gui.window.main_window import MainWindow
from cairn.tracker import Tracker
from clocks import Clock

NOTE = "Tokens cost money.\nA greeting is printed with print(), which writes to stdout.\nEnd."
PASSAGE = "A greeting is printed with print(), which writes to stdout."


@pytest.fixture
def cards_window(
    open_window: Callable[[Tracker], MainWindow], data_dir: Path, small_pack: Path, clock: Clock
) -> MainWindow:
    tracker = Tracker.open(data_dir, with_cards(small_pack), clock=clock)
    tracker.set_status("write-hello", "done")
    tracker.set_note("write-hello", NOTE)
    window = open_window(tracker)
    window.show_node(Node("week", "w01"))
    window.go_to_item("write-hello")
    assert window.detail.item_id == "write-hello"
    return window


def _own(window: MainWindow) -> list[str]:
    return [c.card.id for c in window.tracker.practice_cards() if c.card.own]


def test_the_item_pane_counts_the_item_cards(cards_window: MainWindow) -> None:
    box = cards_window.detail.cards
    assert box.count.text() == "3 practice cards"
    assert box.make.isEnabled() and box.make.accessibleName()
    cards_window.go_to_item("write-eval")
    assert box.count.text() == "2 practice cards · they unlock when you finish this item"
    cards_window.go_to_item("explain-eval")
    assert box.count.text() == "No practice cards yet."


def test_make_a_card_from_the_item_pane(cards_window: MainWindow, qtbot: QtBot) -> None:
    window = cards_window
    box = window.detail.cards
    qtbot.mouseClick(box.make, _left())
    dialog = box.dialog
    assert isinstance(dialog, CardDialog) and dialog.isVisible()
    assert dialog.item.currentData() == "write-hello"
    dialog.prompt.setPlainText("What does print() write to? " * 30)  # over 600 characters
    dialog.answer.setPlainText("To standard output.")
    dialog.save()
    assert dialog.isVisible() and dialog.message.isVisible()  # refused in the dialog's words
    assert dialog.message.text().startswith("Not made (card): ") and _own(window) == []
    assert "prompt" in dialog.message.text()
    dialog.prompt.setPlainText("What does print() write to?")
    assert window.undo_stack.count() == 0
    dialog.answer.setPlainText("It writes to standard output, which the terminal shows as text.")
    dialog.tags.setText("Basics, io")
    assert dialog.save()
    assert not dialog.isVisible()
    assert _own(window) == ["own-1"]
    card = window.tracker.practice_card("own-1")
    assert card.card.item_id == "write-hello" and card.card.tags == ("basics", "io")
    assert box.count.text() == "4 practice cards · 1 yours"
    assert window.undo_stack.undoText() == "Make a card"
    window.undo_stack.undo()
    assert _own(window) == [] and box.count.text() == "3 practice cards"
    window.undo_stack.redo()
    assert _own(window) == ["own-1"]  # back under the same id


def test_make_a_card_from_a_passage_of_the_note(cards_window: MainWindow) -> None:
    window = cards_window
    editor = window.detail.note.editor
    menu = note_menu(editor, window.detail.cards, QPoint(5, 5))
    action = next(a for a in menu.actions() if a.objectName() == "MakeCardFromSelection")
    assert not action.isEnabled()  # nothing selected
    menu.deleteLater()
    start = NOTE.index(PASSAGE)
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(PASSAGE), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    menu = note_menu(editor, window.detail.cards, QPoint(5, 5))
    action = next(a for a in menu.actions() if a.objectName() == "MakeCardFromSelection")
    assert action.isEnabled() and action.text() == "Make a card from selection…"
    action.trigger()
    menu.deleteLater()
    dialog = window.detail.cards.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.answer.toPlainText() == PASSAGE
    dialog.prompt.setPlainText("How is a greeting printed?")
    assert dialog.save()
    assert window.tracker.practice_card("own-1").card.answer == PASSAGE
    assert window.detail.note.editor.toPlainText() == NOTE  # the note is untouched


def test_edit_a_shipped_card_then_restore_the_original(cards_window: MainWindow) -> None:
    window = cards_window
    window.navigation.setCurrentIndex(window.navigation_model.index_of(PRACTICE))
    page = window.practice()
    assert page.select_card("hello-print")
    dialog = page.edit_selected()
    assert dialog is not None and dialog.restore is None  # nothing to restore yet
    assert not dialog.item.isEnabled()  # a card stays with its item
    dialog.answer.setPlainText("Call print with the text; it goes to standard output.")
    assert dialog.save()
    card = window.tracker.practice_card("hello-print")
    assert card.edited and card.card.answer.startswith("Call print with the text;")
    row = page.model.row_of("hello-print")
    assert page.model.index(row, 2).data() == "Recall · edited"
    dialog = page.edit_selected()
    assert dialog is not None and dialog.restore is not None
    dialog.restore.click()
    assert not window.tracker.practice_card("hello-print").edited
    assert window.undo_stack.undoText() == "Restore card text"
    window.undo_stack.undo()
    assert window.tracker.practice_card("hello-print").edited
    window.undo_stack.undo()
    assert not window.tracker.practice_card("hello-print").edited
    assert page.model.index(row, 2).data() == "Recall"


def test_nothing_to_make_in_a_summary_window(cards_window: MainWindow) -> None:
    cards = cards_window.detail.cards
    cards_window.tracker.read_only_reason = "read-only for this test"
    try:
        cards.load("write-hello")
        assert not cards.make.isEnabled()
        assert cards.make_card("anything") is None
    finally:
        cards_window.tracker.read_only_reason = ""


def _left():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_nothing_editable_opens_in_a_read_only_window(
    open_window: Callable[[Tracker], MainWindow],
    data_dir: Path,
    small_pack: Path,
    clock: Clock,
    qtbot: QtBot,
) -> None:
    """The mentor's view: Enter or a double-click on a card row opens no "Edit card", and a
    card dialog opened anyway shows the text with Save disabled and says why."""
    tracker = Tracker.open(data_dir, with_cards(small_pack), clock=clock)
    tracker.set_status("write-hello", "done")
    tracker.read_only_reason = "someone else's progress"
    window = open_window(tracker)
    window.show_node(PRACTICE)
    page = window.practice()
    assert page.select_card("hello-print")
    row = page.table.currentIndex()
    window.activateWindow()
    page.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.table)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.mouseDClick(page.table.viewport(), _left(), pos=page.table.visualRect(row).center())
    assert page.dialog is None
    assert not any(isinstance(w, CardDialog) for w in QApplication.topLevelWidgets())
    assert page.edit_selected() is None and page.make_card("w") is None
    assert not page.start_review()

    card = page.selected_card()
    assert card is not None
    dialog = CardDialog.editing(tracker, window.operations, card, window)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled() and dialog.prompt.isReadOnly()
    assert "read-only" in dialog.message.text()
    assert not dialog.save()
    dialog.deleteLater()
