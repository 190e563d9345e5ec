"""Undo never overwrites a change made outside the window since the step (it is refused in
words and the history stays), undo and redo move the history only when saved (two quick undos
stay in step), typing counts as the latest change, and a note changed elsewhere while being
written asks which to keep."""

from __future__ import annotations

from pathlib import Path

from full_disk import FullDisk
from pytestqt.qtbot import QtBot

from cairn.cli import run
from cairn.gui.widgets.node import Node
from cairn.gui.window.main_window import MainWindow
from cairn.reports.export import export
from cairn.tracker import Tracker

ITEM = "python-project-skeleton"
OTHER = "clean-code-refactor"


def cli(data_dir: Path, *args: str) -> None:
    assert run(["--data-dir", str(data_dir), *args]) == 0


def said(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def test_undoing_a_status_changed_since_from_the_command_line_is_refused(
    window: MainWindow, data_dir: Path
) -> None:
    window.request_status(ITEM, "done")
    cli(data_dir, "mark", ITEM, "skipped")
    assert window.safety.notice_outside_changes()
    window.undo_stack.undo()
    assert "Not undone (Mark done)" in said(window) and "changed since" in said(window)
    assert window.tracker.status(ITEM) == "skipped"  # the newer change stays
    assert window.undo_stack.index() == 1 and window.undo_stack.canUndo()
    cli(data_dir, "mark", ITEM, "done")  # back as the step left it: undo works again
    window.safety.notice_outside_changes()
    window.undo_stack.undo()
    assert window.tracker.status(ITEM) == "todo" and window.undo_stack.index() == 0


def test_undoing_a_note_rewritten_from_the_command_line_is_refused(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    note = window.detail.note
    window.checklist.setFocus()
    qtbot.keyClicks(note.editor, "mine v1")
    note.save()
    cli(data_dir, "note", window.detail.item_id, "written in the terminal")
    window.safety.notice_outside_changes()
    window.undo_stack.undo()
    assert "Not undone (Edit note)" in said(window)
    kept = window.tracker.note(window.detail.item_id)
    assert kept is not None and kept.body == "written in the terminal"


def test_undoing_an_import_after_a_command_line_change_is_refused(
    qtbot: QtBot, window: MainWindow, data_dir: Path, tmp_path: Path, shipped_pack: Path
) -> None:
    with Tracker.open(tmp_path / "laptop", shipped_pack) as laptop:
        laptop.set_status(OTHER, "done")
        source = export(laptop.snapshot(), "json", tmp_path / "laptop.json").path
    window.sharing.import_file(source, confirm=False)
    qtbot.waitUntil(lambda: window.tracker.status(OTHER) == "done", timeout=10_000)
    cli(data_dir, "log", ITEM, "45")
    window.safety.notice_outside_changes()
    window.undo_stack.undo()
    assert "Not undone (Import laptop.json)" in said(window)
    assert [s.minutes for s in window.tracker.sessions()] == [45]  # nothing erased
    assert window.tracker.status(OTHER) == "done"


def test_a_refused_undo_then_an_allowed_one_keep_the_history_in_step(
    full_disk: FullDisk,
) -> None:
    window = full_disk.window
    assert window is not None
    window.request_status(OTHER, "doing")
    window.request_status(ITEM, "done")
    full_disk.fill()
    window.undo_stack.undo()  # refused at once: the history does not move
    assert window.undo_stack.index() == 2
    full_disk.free()
    window.undo_stack.undo()  # allowed: undoes "Mark done" only
    assert window.undo_stack.index() == 1
    assert (window.tracker.status(ITEM), window.tracker.status(OTHER)) == ("todo", "doing")
    assert window.undo_stack.redoText() == "Mark done"
    window.undo_stack.redo()
    assert window.tracker.status(ITEM) == "done" and window.undo_stack.index() == 2


def test_typing_counts_as_the_latest_change_for_undo_and_redo(
    qtbot: QtBot, window: MainWindow
) -> None:
    note = window.detail.note
    window.request_status(ITEM, "done")
    qtbot.keyClicks(note.editor, "half a thought")  # not saved yet
    window.undo_stack.undo()  # the typing is saved, then undone; the status stays
    assert note.editor.toPlainText() == "" and window.tracker.note(ITEM) is None
    assert window.tracker.status(ITEM) == "done"
    window.undo_stack.redo()
    assert note.editor.toPlainText() == "half a thought"
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert window.tracker.status(ITEM) == "todo" and window.undo_stack.redoText() == "Mark done"


def _conflict(qtbot: QtBot, window: MainWindow, data_dir: Path) -> str:
    """The learner writes in the note; the terminal rewrites it; the poll sees it."""
    window.show_node(Node("week", "w01"))
    item_id = window.detail.item_id
    editor = window.detail.note.editor
    window.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClicks(editor, "my draft")
    cli(data_dir, "note", item_id, "IMPORTANT terminal text")
    assert window.safety.notice_outside_changes()
    return item_id


def test_a_note_changed_elsewhere_while_written_asks_and_saves_nothing_meanwhile(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    item_id = _conflict(qtbot, window, data_dir)
    note = window.detail.note
    assert note.conflict.isVisibleTo(window) and note.editor.toPlainText() == "my draft"
    qtbot.keyClicks(note.editor, " and more")
    assert not note._timer.isActive()  # no autosave is due while the question is open
    assert window.tracker.note(item_id).body == "IMPORTANT terminal text"  # type: ignore[union-attr]
    note.conflict.mine.click()
    assert window.tracker.note(item_id).body == "my draft and more"  # type: ignore[union-attr]
    assert not note.conflict.isVisibleTo(window)
    window.undo_stack.undo()  # the other text is one Undo away
    assert window.tracker.note(item_id).body == "IMPORTANT terminal text"  # type: ignore[union-attr]


def test_using_the_other_note_keeps_the_learners_text_in_a_file(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    item_id = _conflict(qtbot, window, data_dir)
    note = window.detail.note
    note.conflict.other.click()
    assert note.editor.toPlainText() == "IMPORTANT terminal text"
    (kept,) = (data_dir / "notes-not-saved").glob(f"{item_id}-*.md")  # a file of its own
    assert kept.read_text(encoding="utf-8") == "my draft"
    assert str(kept) in note.state.text()
    assert window.tracker.note(item_id).body == "IMPORTANT terminal text"  # type: ignore[union-attr]


def test_undo_with_the_note_question_open_moves_nothing_and_keeps_the_text(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    window.request_status(OTHER, "done")
    item_id = _conflict(qtbot, window, data_dir)
    note = window.detail.note
    window.undo_stack.undo()
    assert "choose which note to keep" in said(window)
    assert note.conflict.isVisibleTo(window) and note.editor.toPlainText() == "my draft"
    assert window.tracker.status(OTHER) == "done" and window.undo_stack.index() == 1
    assert window.tracker.note(item_id).body == "IMPORTANT terminal text"  # type: ignore[union-attr]


def test_a_note_made_private_elsewhere_stays_private_when_keeping_mine(
    qtbot: QtBot, window: MainWindow, data_dir: Path, shipped_pack: Path
) -> None:
    window.show_node(Node("week", "w01"))
    item_id = window.detail.item_id
    note = window.detail.note
    qtbot.keyClicks(note.editor, "my draft")
    other = Tracker.open(data_dir, shipped_pack)  # another Cairn on the same folder
    try:
        other.set_note(item_id, "theirs", private=True)
    finally:
        other.close()
    window.safety.notice_outside_changes()
    assert note.conflict.isVisibleTo(window) and note.private.isChecked()
    note.conflict.mine.click()
    saved = window.tracker.note(item_id)
    assert saved is not None and (saved.body, saved.private) == ("my draft", True)


def test_an_autosave_after_an_unseen_change_elsewhere_asks_first(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    window.show_node(Node("week", "w01"))
    item_id = window.detail.item_id
    note = window.detail.note
    qtbot.keyClicks(note.editor, "my draft")
    cli(data_dir, "note", item_id, "from the terminal")  # before the poll has looked
    qtbot.waitUntil(note.conflict.isVisible, timeout=5_000)  # the autosave asked instead
    assert window.tracker.note(item_id).body == "from the terminal"  # type: ignore[union-attr]


def test_a_change_elsewhere_to_a_note_with_only_the_cursor_in_it_is_shown(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    window.show_node(Node("week", "w01"))
    item_id = window.detail.item_id
    note = window.detail.note
    qtbot.keyClicks(note.editor, "first words")
    note.save()
    window.activateWindow()
    note.editor.setFocus()
    qtbot.waitUntil(note.editor.hasFocus)
    cli(data_dir, "note", item_id, "first words, and more from the terminal")
    window.safety.notice_outside_changes()
    assert not note.conflict.isVisibleTo(window)  # nothing typed: nothing to choose
    assert note.editor.toPlainText() == "first words, and more from the terminal"
    assert note.editor.textCursor().position() == len("first words")


def test_redo_after_typing_says_why_nothing_was_redone(qtbot: QtBot, window: MainWindow) -> None:
    window.request_status(ITEM, "done")
    window.undo_stack.undo()
    qtbot.keyClicks(window.detail.note.editor, "x")
    window.undo_stack.redo()
    assert "typing is saved as your latest change" in said(window)
    assert window.tracker.status(ITEM) == "todo"


def _import(qtbot: QtBot, window: MainWindow, source: Path, item: str, status: str) -> None:
    window.sharing.import_file(source, confirm=False)
    qtbot.waitUntil(lambda: window.tracker.status(item) == status, timeout=10_000)


def _laptop(tmp_path: Path, shipped_pack: Path, status: str, learner_id: str) -> Path:
    """The learner's other laptop (the same learner id), where OTHER was marked `status`."""
    laptop = Tracker.open(tmp_path / "laptop", shipped_pack)
    try:
        laptop.set_setting("learner_id", learner_id)
        laptop.set_status(OTHER, status)
        return export(laptop.snapshot(), "json", tmp_path / "laptop.json").path
    finally:
        laptop.close()


def test_an_import_is_undone_after_the_learners_own_mark_and_its_undo(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, shipped_pack: Path
) -> None:
    _import(
        qtbot,
        window,
        _laptop(tmp_path, shipped_pack, "done", window.tracker.learner_id),
        OTHER,
        "done",
    )
    window.request_status(ITEM, "doing")  # an item this folder never had a status for
    window.undo_stack.undo()  # leaves a stored 'todo': the same as none
    window.undo_stack.undo()
    assert "Not undone" not in said(window)
    assert window.tracker.status(OTHER) == "todo" and window.undo_stack.index() == 0


def test_redoing_an_import_gives_what_the_import_gave(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, shipped_pack: Path
) -> None:
    window.request_status(OTHER, "doing")
    source = _laptop(
        tmp_path, shipped_pack, "done", window.tracker.learner_id
    )  # marked later on the laptop
    _import(qtbot, window, source, OTHER, "done")
    window.request_status(OTHER, "skipped")
    for _ in range(3):
        window.undo_stack.undo()
    assert window.tracker.status(OTHER) == "todo"
    window.undo_stack.redo()
    window.undo_stack.redo()
    assert window.tracker.status(OTHER) == "done"  # as the import made it
    window.undo_stack.redo()
    assert "Not redone" not in said(window) and window.tracker.status(OTHER) == "skipped"
