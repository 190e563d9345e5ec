"""Reading status and offline copies go through the one operation path: undoable and redoable
by name, shown in the readings page and the reading's details, and a full disk is said in words
with nothing changed and no undo entry."""

from __future__ import annotations

from pathlib import Path

from full_disk import FullDisk
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

from cairn.gui.readings.page import READING_ID_ROLE
from cairn.gui.widgets.node import Node
from cairn.gui.window.main_window import MainWindow


def _open_readings(window: MainWindow) -> str:
    """Show the readings page; return the selected reading's id."""
    window.show_node(Node("group", "readings"))
    reading_id = window.readings.current_reading_id()
    assert reading_id and window.reading_detail.reading_id == reading_id
    return reading_id


def _button(window: MainWindow, status: str) -> QAbstractButton:
    return next(
        b for b in window.reading_detail.buttons.buttons() if b.property("status") == status
    )


def _shown(window: MainWindow, reading_id: str, column: int = 0) -> str:
    """What the readings table shows for a reading in a column."""
    proxy = window.readings.proxy
    row = next(
        r for r in range(proxy.rowCount()) if proxy.index(r, 0).data(READING_ID_ROLE) == reading_id
    )
    return str(proxy.index(row, column).data())


def _stored_status(window: MainWindow, reading_id: str) -> str:
    window.tracker.reload()  # what the database holds, not a cached copy
    return window.tracker.reading_status(reading_id)


def test_a_reading_marked_read_is_undone_and_redone_by_name(
    window: MainWindow, qtbot: QtBot
) -> None:
    reading_id = _open_readings(window)
    qtbot.mouseClick(_button(window, "read"), Qt.MouseButton.LeftButton)
    assert window.undo_stack.undoText() == "Mark reading read"
    assert _stored_status(window, reading_id) == "read" and "Read" in _shown(window, reading_id)
    window.undo_stack.undo()
    assert _stored_status(window, reading_id) == "unread"
    assert _button(window, "unread").isChecked()  # the details show the undone state
    assert "Unread" in _shown(window, reading_id)  # and so does the table
    assert " 0 read " in window.readings.summary.text()
    assert window.readings.current_reading_id() == reading_id  # the selection is kept
    window.undo_stack.redo()
    assert _stored_status(window, reading_id) == "read" and _button(window, "read").isChecked()


def test_space_in_the_readings_table_is_undone_back_to_reading(window: MainWindow) -> None:
    reading_id = _open_readings(window)
    window.reading_detail.set_status("reading")
    assert window.undo_stack.undoText() == "Mark reading reading"
    window.readings.toggle_read(reading_id)  # Space in the table
    assert window.undo_stack.undoText() == "Mark reading read"
    window.undo_stack.undo()
    assert _stored_status(window, reading_id) == "reading"
    assert _button(window, "reading").isChecked() and "Reading" in _shown(window, reading_id)
    assert window.undo_stack.count() == 2


def test_a_reading_marked_on_a_full_disk_stays_unread_with_no_undo_entry(
    full_disk: FullDisk, qtbot: QtBot
) -> None:
    window = full_disk.window
    assert window is not None
    reading_id = _open_readings(window)
    full_disk.fill()
    qtbot.mouseClick(_button(window, "read"), Qt.MouseButton.LeftButton)
    said = window.statusBar().currentMessage()
    assert said.startswith("Not changed: ") and full_disk.words in said
    assert window.undo_stack.count() == 0
    assert _button(window, "unread").isChecked()  # the buttons show what is saved
    full_disk.free()
    assert _stored_status(window, reading_id) == "unread"


def test_an_offline_copy_attached_and_removed_is_undone_to_the_path_stored(
    window: MainWindow, tmp_path: Path
) -> None:
    reading_id = _open_readings(window)
    saved = tmp_path / "paper.pdf"
    saved.write_bytes(b"%PDF-1.4")
    path = str(saved.resolve())
    assert window.reading_detail.attach_copy(saved)
    assert window.undo_stack.undoText() == "Attach offline copy"
    assert window.reading_detail.attach_copy(None)
    assert window.undo_stack.undoText() == "Remove offline copy"
    assert window.tracker.reading_copies() == {} and saved.is_file()  # Cairn keeps the file
    saved.unlink()  # the learner moved it away meanwhile
    window.undo_stack.undo()
    assert window.tracker.reading_copies() == {reading_id: path}
    assert window.reading_detail.copy_state.text().startswith("The saved copy is missing: ")
    assert _shown(window, reading_id, 5) == "missing"
    window.undo_stack.undo()
    assert window.tracker.reading_copies() == {}
    assert window.reading_detail.copy_state.text().startswith("Not available offline.")
    assert _shown(window, reading_id, 5) == ""
    window.undo_stack.redo()
    assert window.tracker.reading_copies() == {reading_id: path}
    assert window.undo_stack.undoText() == "Attach offline copy"


def test_an_offline_copy_on_a_full_disk_is_said_under_the_copy_with_no_undo_entry(
    full_disk: FullDisk, tmp_path: Path
) -> None:
    window = full_disk.window
    assert window is not None
    _open_readings(window)
    saved = tmp_path / "paper.pdf"
    saved.write_bytes(b"%PDF-1.4")
    full_disk.fill()
    assert not window.reading_detail.attach_copy(saved)
    said = window.reading_detail.copy_state.text()
    assert said.startswith("Not attached: ") and full_disk.words in said
    assert window.undo_stack.count() == 0
    full_disk.free()
    window.tracker.reload()
    assert window.tracker.reading_copies() == {}
