"""Several selected items are marked at once: one transaction, one undo step that puts back
each item's own status, and a full disk changes none of them."""

from __future__ import annotations

from pathlib import Path

from full_disk import FullDisk
from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.qtbot import QtBot

from cairn.gui.checklist.status_input import status_text
from cairn.gui.checklist.table import STATUS_COLUMN
from cairn.gui.window.main_window import MainWindow
from cairn.tracker import Tracker


def _select_rows(window: MainWindow, rows: range) -> list[str]:
    view = window.checklist
    model = view.model()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    view.clearSelection()
    for row in rows:
        view.selectionModel().select(model.index(row, 0), flags)
    return view.selected_item_ids()


def _statuses(folder: Path, shipped_pack: Path, ids: list[str]) -> list[str]:
    again = Tracker.open(folder, shipped_pack)
    try:
        return [again.status(i) for i in ids]
    finally:
        again.close()


def test_marking_a_selection_is_one_undo_step_that_restores_each_status(
    window: MainWindow, data_dir: Path, shipped_pack: Path
) -> None:
    ids = _select_rows(window, range(3))
    assert len(ids) == 3
    window.tracker.set_status(ids[1], "doing")  # a different status before, per item
    window.status_actions["done"].trigger()  # Item → Mark Done (Ctrl+3)
    assert _statuses(data_dir, shipped_pack, ids) == ["done"] * 3
    assert window.undo_stack.count() == 1
    assert window.undo_stack.undoText() == "Mark 3 items done"
    window.undo_stack.undo()
    assert _statuses(data_dir, shipped_pack, ids) == ["todo", "doing", "todo"]
    model = window.checklist_model
    shown = [model.index(model.row_of(i), STATUS_COLUMN).data() for i in ids]
    assert shown == [status_text(s) for s in ("todo", "doing", "todo")]  # the list follows
    window.undo_stack.redo()
    assert _statuses(data_dir, shipped_pack, ids) == ["done"] * 3


def test_space_on_a_selection_toggles_all_of_it(qtbot: QtBot, window: MainWindow) -> None:
    ids = _select_rows(window, range(1, 4))
    window.checklist.setFocus()
    qtbot.keyClick(window.checklist, Qt.Key.Key_Space)
    assert [window.tracker.status(i) for i in ids] == ["done"] * 3
    qtbot.keyClick(window.checklist, Qt.Key.Key_Space)
    assert [window.tracker.status(i) for i in ids] == ["todo"] * 3
    assert window.undo_stack.count() == 2


def test_a_full_disk_marks_none_of_the_selection(full_disk: FullDisk) -> None:
    window = full_disk.window
    assert window is not None
    ids = _select_rows(window, range(4))
    full_disk.fill()
    window.status_actions["done"].trigger()
    assert full_disk.words in window.statusBar().currentMessage()
    assert window.undo_stack.count() == 0
    full_disk.free()
    window.tracker.reload()
    assert [window.tracker.status(i) for i in ids] == ["todo"] * 4
