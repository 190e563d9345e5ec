"""A note's text and its privacy go through the one operation path: each save is undoable and
redoable by name, the editor shows the undone text, and a full disk keeps the learner's text
(in the editor and in a copy) with no undo entry."""

from __future__ import annotations

from pathlib import Path

from full_disk import FullDisk
from pytestqt.qtbot import QtBot

from cairn.gui.window.main_window import MainWindow
from cairn.tracker import Tracker


def _type_and_save(qtbot: QtBot, window: MainWindow, text: str) -> None:
    note = window.detail.note
    note.editor.setFocus()
    qtbot.keyClicks(note.editor, text)
    note.save()


def _stored(folder: Path, shipped_pack: Path, item_id: str) -> tuple[str, bool] | None:
    again = Tracker.open(folder, shipped_pack)
    try:
        note = again.note(item_id)
        return (note.body, note.private) if note else None
    finally:
        again.close()


def test_a_note_edit_is_undone_and_redone_and_the_editor_follows(
    qtbot: QtBot, window: MainWindow, data_dir: Path, shipped_pack: Path
) -> None:
    item_id = window.detail.item_id
    _type_and_save(qtbot, window, "first thought")
    _type_and_save(qtbot, window, " and more")
    assert window.undo_stack.undoText() == "Edit note"
    editor = window.detail.note.editor
    window.undo_stack.undo()
    assert editor.toPlainText() == "first thought"
    assert editor.textCursor().position() == len("first thought")  # clamped, not lost
    assert _stored(data_dir, shipped_pack, item_id) == ("first thought", False)
    window.undo_stack.undo()
    assert editor.toPlainText() == ""
    assert _stored(data_dir, shipped_pack, item_id) is None
    window.undo_stack.redo()
    window.undo_stack.redo()
    assert editor.toPlainText() == "first thought and more"
    assert _stored(data_dir, shipped_pack, item_id) == ("first thought and more", False)


def test_making_a_note_private_is_its_own_undoable_step(
    qtbot: QtBot, window: MainWindow, data_dir: Path, shipped_pack: Path
) -> None:
    item_id = window.detail.item_id
    _type_and_save(qtbot, window, "about my mentor")
    window.detail.note.private.setChecked(True)
    window.detail.note.save()
    assert window.undo_stack.undoText() == "Make note private"
    assert _stored(data_dir, shipped_pack, item_id) == ("about my mentor", True)
    window.undo_stack.undo()
    assert not window.detail.note.private.isChecked()
    assert _stored(data_dir, shipped_pack, item_id) == ("about my mentor", False)


def test_a_full_disk_keeps_the_text_and_adds_no_undo_entry(
    qtbot: QtBot, full_disk: FullDisk
) -> None:
    window = full_disk.window
    assert window is not None
    item_id = window.detail.item_id
    full_disk.fill()
    _type_and_save(qtbot, window, "written on a full disk")
    state = window.detail.note.state.text()
    assert state.startswith("Not saved: ") and full_disk.words in state
    assert window.detail.note.editor.toPlainText() == "written on a full disk"
    assert window.undo_stack.count() == 0
    full_disk.free()
    window.tracker.reload()
    assert window.tracker.note(item_id) is None
    window.detail.note.save()  # the same text saves once there is room
    assert window.tracker.note(item_id) is not None
    assert window.undo_stack.undoText() == "Edit note"
