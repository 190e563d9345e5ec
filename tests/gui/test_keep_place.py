"""A refresh never takes the learner's place (issue 11, "views keep your place"): after a
command-line change or an import, the selection, the scroll, the detail item, the note being
written (text and cursor) and the undo history stay as they were."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from cairn.cli import run
from cairn.gui.widgets.node import Node
from cairn.gui.window.main_window import MainWindow
from cairn.reports.export import export
from cairn.tracker import Tracker

TYPED = "half a thought about uv"
CURSOR = 7  # mid-text


@dataclass(frozen=True)
class Place:
    """Where the learner is: what a refresh must leave alone."""

    selected: str
    scroll: int
    detail: str
    text: str
    cursor: int
    undo_count: int


def _busy_learner(qtbot, window: MainWindow) -> tuple[Place, str]:  # type: ignore[no-untyped-def]
    """Third row of week 1 selected, the list scrolled, one undoable change, and a note
    half-typed with the cursor mid-text. Returns the place and another item of the week."""
    window.safety.notice_outside_changes()  # settle the first look
    window.resize(900, 360)  # short enough for week 1's list to scroll
    window.show_node(Node("week", "w01"))
    items = window.tracker.curriculum.week_items("w01")
    window.checklist.select_item(items[2].id)
    bar = window.checklist.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    window.request_status(items[1].id, "doing")
    window.activateWindow()
    editor = window.detail.note.editor
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClicks(editor, TYPED)
    cursor = editor.textCursor()
    cursor.setPosition(CURSOR)
    editor.setTextCursor(cursor)
    return _place(window), items[-1].id


def _place(window: MainWindow) -> Place:
    editor = window.detail.note.editor
    return Place(
        window.checklist.current_item_id(),
        window.checklist.verticalScrollBar().value(),
        window.detail.item_id,
        editor.toPlainText(),
        editor.textCursor().position(),
        window.undo_stack.count(),
    )


def _assert_place_kept(window: MainWindow, before: Place, *, undo_added: int = 0) -> None:
    """Everything the learner was doing is where it was (the undo history too, plus any step
    the change itself added), and the note saves to its item."""
    assert _place(window) == dataclasses.replace(before, undo_count=before.undo_count + undo_added)
    assert before.selected == window.tracker.curriculum.week_items("w01")[2].id
    assert before.scroll > 0 and before.cursor == CURSOR and before.undo_count == 1
    assert window.focusWidget() is window.detail.note.editor  # the keyboard is still there
    window.detail.note.save()
    note = window.tracker.note(before.selected)
    assert note is not None and note.body == TYPED


def test_a_command_line_change_keeps_selection_scroll_note_and_undo(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, data_dir: Path
) -> None:
    before, other = _busy_learner(qtbot, window)
    assert run(["--data-dir", str(data_dir), "mark", other, "done"]) == 0
    assert window.safety.notice_outside_changes() is True
    row = window.checklist_model.row_of(other)
    assert window.checklist_model.index(row, 0).data().endswith("Done")
    _assert_place_kept(window, before)
    assert window.tracker.note(other) is None


def test_an_import_keeps_selection_scroll_note_and_undo(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path, shipped_pack: Path
) -> None:
    with Tracker.open(tmp_path / "laptop", shipped_pack) as laptop:
        laptop.set_setting("learner_id", window.tracker.learner_id)  # the learner's other laptop
        other = laptop.curriculum.week_items("w01")[-1].id
        laptop.set_status(other, "done")
        source = export(laptop.snapshot(), "json", tmp_path / "laptop.json").path
    before, _ = _busy_learner(qtbot, window)
    sharing = window.sharing
    sharing.import_file(source, confirm=False)
    qtbot.waitUntil(lambda: window.tracker.status(other) == "done", timeout=10_000)
    qtbot.waitUntil(lambda: "Imported" in sharing.last_report, timeout=10_000)
    sharing.message.accept()  # the learner closes "Import finished" and is back in the note
    assert window.undo_stack.undoText() == "Import laptop.json"
    _assert_place_kept(window, before, undo_added=1)  # the import is one more undoable step


def test_the_same_note_changed_elsewhere_keeps_the_learners_text_and_says_so(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, data_dir: Path
) -> None:
    before, _ = _busy_learner(qtbot, window)
    assert run(["--data-dir", str(data_dir), "note", before.selected, "from the terminal"]) == 0
    window.tracker.reload()  # the poll does not notice notes yet (see the report)
    window.refresh_everything()
    assert window.detail.note.editor.toPlainText() == TYPED
    assert "changed elsewhere" in window.detail.note.state.text()
    qtbot.keyClicks(window.detail.note.editor, "!")  # typing on does not hide the warning
    assert "changed elsewhere" in window.detail.note.state.text()
    window.detail.note.save()  # the learner's save is newer, so it wins
    assert "replaced the change made elsewhere" in window.detail.note.state.text()
    note = window.tracker.note(before.selected)
    assert note is not None and note.body == TYPED[:CURSOR] + "!" + TYPED[CURSOR:]


def test_an_idle_note_shows_a_change_made_elsewhere(window: MainWindow, data_dir: Path) -> None:
    window.safety.notice_outside_changes()
    window.show_node(Node("week", "w01"))
    item_id = window.detail.item_id
    window.checklist.setFocus()
    assert run(["--data-dir", str(data_dir), "note", item_id, "from the terminal"]) == 0
    window.tracker.reload()  # the poll does not notice notes yet (see the report)
    window.refresh_everything()
    assert window.detail.item_id == item_id
    assert window.detail.note.editor.toPlainText() == "from the terminal"


def test_a_restore_is_undoable_and_keeps_the_item_shown(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow
) -> None:
    window.show_node(Node("week", "w01"))
    items = window.tracker.curriculum.week_items("w01")
    window.tracker.backup("open")
    window.checklist.select_item(items[2].id)
    window.request_status(items[2].id, "done")
    dialog = window.safety.show_backups()
    assert dialog.restore_selected(confirm=False)
    qtbot.waitUntil(lambda: window.tracker.status(items[2].id) == "todo", timeout=10_000)
    assert window.undo_stack.count() == 2  # the older step stays, below the restore
    assert window.undo_stack.undoText().startswith("Restore backup of ")
    assert window.checklist.current_item_id() == items[2].id
    assert window.detail.item_id == items[2].id
    dialog.close()


def test_a_grouped_page_keeps_its_selected_item(window: MainWindow, data_dir: Path) -> None:
    window.safety.notice_outside_changes()
    role = next(iter(window.tracker.curriculum.roles))
    window.show_node(Node("role", role))
    assert window.lists.currentWidget() is window.tree
    shown = window.page.all_items
    window.tree.select_item(shown[2].id)
    window.request_status(shown[0].id, "doing")
    assert run(["--data-dir", str(data_dir), "mark", shown[-1].id, "done"]) == 0
    assert window.safety.notice_outside_changes() is True
    assert window.tree.current_item_id() == shown[2].id
    assert window.detail.item_id == shown[2].id
    assert window.undo_stack.count() == 1
