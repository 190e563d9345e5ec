"""Status changes go through the one operation path: undoable and redoable by name, and a full
disk is said in words with nothing changed and no undo entry."""

from __future__ import annotations

from full_disk import FullDisk
from pytestqt.qtbot import QtBot

from cairn.gui.window.main_window import MainWindow

ITEM = "python-project-skeleton"


def test_a_status_change_is_undone_and_redone_by_name(window: MainWindow) -> None:
    window.request_status(ITEM, "done")
    assert window.undo_stack.undoText() == "Mark done"
    window.undo_stack.undo()
    assert window.tracker.status(ITEM) == "todo"
    assert window.undo_stack.redoText() == "Mark done"
    window.undo_stack.redo()
    assert window.tracker.status(ITEM) == "done"


def test_a_full_disk_leaves_the_status_and_the_undo_history_as_they_were(
    full_disk: FullDisk,
) -> None:
    window = full_disk.window
    assert window is not None
    full_disk.fill()
    window.request_status(ITEM, "done")
    assert window.statusBar().currentMessage().startswith("Not changed: ")
    assert full_disk.words in window.statusBar().currentMessage()
    assert window.undo_stack.count() == 0
    full_disk.free()
    window.tracker.reload()
    assert window.tracker.status(ITEM) == "todo"


def test_an_undo_refused_by_a_full_disk_keeps_the_history_where_the_data_is(
    full_disk: FullDisk, qtbot: QtBot
) -> None:
    window = full_disk.window
    assert window is not None
    window.request_status(ITEM, "done")
    full_disk.fill()
    window.undo_stack.undo()
    assert "Not undone (Mark done)" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window.undo_stack.index() == 1)  # moved back: nothing was undone
    assert window.undo_stack.canUndo() and not window.undo_stack.canRedo()
    full_disk.free()
    window.undo_stack.undo()
    assert window.tracker.status(ITEM) == "todo"
