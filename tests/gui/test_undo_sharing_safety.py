"""Import, restore and curriculum packs go through the one operation path: each is undone and
redone by name (the data really goes back and forth and the views show it), and a full disk is
said in words with nothing changed and no undo entry."""

from __future__ import annotations

from pathlib import Path

from full_disk import FullDisk
from pytestqt.qtbot import QtBot

from cairn.gui.widgets.node import Node
from cairn.gui.window.main_window import MainWindow
from cairn.reports.export import export
from cairn.tracker import Tracker

PACK = (
    '[pack]\nid = "mentor-notes"\nname = "Mentor notes"\nversion = "1"\n'
    'extends = "cairn-core"\n\n[[week]]\nid = "w01"\n\n[[week.item]]\n'
    'id = "mentor-intro-call"\nkind = "task"\ntitle = "Book an intro call"\n'
    'description = "Agree how often you will meet."\nestimate_hours = 0.5\n'
    'skills = ["judgment-communication"]\nreadings = ["pro-git"]\n'
)
PACK_ITEM = "mentor-intro-call"


def _export(tmp_path: Path, shipped_pack: Path, done: int) -> Path:
    """A learner's JSON export with the first `done` items done."""
    with Tracker.open(tmp_path / "laptop", shipped_pack) as t:
        for item in list(t.curriculum.items.values())[:done]:
            t.set_status(item.id, "done")
        target = export(t.snapshot(), "json", tmp_path / "laptop.json").path
    return target


def _pack(tmp_path: Path) -> Path:
    folder = tmp_path / "mentor-notes"
    folder.mkdir()
    (folder / "pack.toml").write_text(PACK, encoding="utf-8")
    return folder


def _import(qtbot: QtBot, window: MainWindow, source: Path) -> str:
    """Import through the File menu's path; return the text said at the end."""
    window.sharing.message = None
    window.sharing.import_file(source, confirm=False)
    qtbot.waitUntil(lambda: window.sharing.message is not None, timeout=10_000)
    message = window.sharing.message
    assert message is not None
    text = message.text()
    message.close()
    return text


def _fresh_statuses(window: MainWindow) -> dict[str, str]:
    """What the database holds, read again (not the tracker's cached copy)."""
    window.tracker.reload()
    return window.tracker.statuses()


def _shown_done(window: MainWindow) -> int:
    """How many rows of the week's list the learner sees as done."""
    window.show_node(Node("week", "w01"))
    model = window.checklist_model
    return sum(str(model.index(row, 0).data()).endswith("Done") for row in range(model.rowCount()))


# --- import ---------------------------------------------------------------------------------
def test_an_import_is_undone_and_redone_by_name_without_reading_the_file_again(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, shipped_pack: Path
) -> None:
    source = _export(tmp_path, shipped_pack, 3)
    assert "Imported 3 statuses" in _import(qtbot, window, source)
    imported = _fresh_statuses(window)
    assert len(imported) == 3 and _shown_done(window) == 3
    assert window.undo_stack.undoText() == "Import laptop.json"
    source.write_text("changed since", encoding="utf-8")  # redo must not read it again
    window.undo_stack.undo()
    assert _fresh_statuses(window) == {}
    assert _shown_done(window) == 0
    assert window.undo_stack.redoText() == "Import laptop.json"
    window.undo_stack.redo()
    assert _fresh_statuses(window) == imported
    assert _shown_done(window) == 3


def test_importing_the_same_file_twice_adds_no_second_undo_entry(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, shipped_pack: Path
) -> None:
    source = _export(tmp_path, shipped_pack, 2)
    _import(qtbot, window, source)
    assert window.undo_stack.count() == 1
    _import(qtbot, window, source)
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert _fresh_statuses(window) == {}


def test_an_import_on_a_full_disk_is_said_and_changes_nothing(
    qtbot: QtBot, full_disk: FullDisk, tmp_path: Path, shipped_pack: Path
) -> None:
    window = full_disk.window
    assert window is not None
    source = _export(tmp_path, shipped_pack, 3)
    full_disk.fill()
    text = _import(qtbot, window, source)
    assert text.startswith("Not imported: ") and full_disk.words in text
    assert window.undo_stack.count() == 0
    full_disk.free()
    assert _fresh_statuses(window) == {}


# --- restore --------------------------------------------------------------------------------
def test_a_restore_is_undone_and_redone_by_name_and_older_steps_stay_undoable(
    window: MainWindow,
) -> None:
    first = window.tracker.curriculum.week_items("w01")[0].id
    window.request_status(first, "done")
    window.tracker.backup("open")
    window.request_status(first, "skipped")
    dialog = window.safety.show_backups()
    assert dialog.restore_selected(confirm=False)
    assert _fresh_statuses(window) == {first: "done"} and _shown_done(window) == 1
    assert window.undo_stack.undoText().startswith("Restore backup of ")
    window.undo_stack.undo()
    assert _fresh_statuses(window) == {first: "skipped"} and _shown_done(window) == 0
    window.undo_stack.redo()
    assert _fresh_statuses(window) == {first: "done"} and _shown_done(window) == 1
    assert dialog.table.rowCount() == 4  # "open", and one before the restore, its undo, its redo
    window.undo_stack.undo()  # the restore, then the step before it, in its own past
    window.undo_stack.undo()
    assert window.undo_stack.redoText() == "Mark skipped"
    assert _fresh_statuses(window) == {first: "done"}
    dialog.close()


def test_a_restore_on_a_full_disk_is_said_and_changes_nothing(
    qtbot: QtBot, full_disk: FullDisk
) -> None:
    window = full_disk.window
    assert window is not None
    first = window.tracker.curriculum.week_items("w01")[0].id
    window.tracker.backup("open")
    window.request_status(first, "done")
    dialog = window.safety.show_backups()
    full_disk.fill()
    assert not dialog.restore_selected(confirm=False)
    box = dialog.message_box
    assert box is not None and box.text().startswith("Not restored: ")
    assert full_disk.words in box.text()
    assert window.undo_stack.count() == 1  # the status change only
    full_disk.free()
    assert _fresh_statuses(window) == {first: "done"}
    box.close()
    dialog.close()


# --- curriculum packs -----------------------------------------------------------------------
def test_adding_a_pack_is_undone_and_redone_by_name(
    window: MainWindow, tmp_path: Path, data_dir: Path
) -> None:
    source = _pack(tmp_path)
    dialog = window.packs.show_packs()
    assert window.packs.add(source)
    assert window.undo_stack.undoText() == "Add curriculum pack mentor-notes"
    assert dialog.list.count() == 1
    (source / "pack.toml").unlink()  # redo puts back the copy, it does not read this again
    window.undo_stack.undo()
    assert not (data_dir / "packs" / "mentor-notes").exists()
    assert PACK_ITEM not in window.tracker.curriculum.items
    assert dialog.list.count() == 0
    assert window.navigation_model.index_of(Node("week", "w01")).isValid()
    window.undo_stack.redo()
    assert (data_dir / "packs" / "mentor-notes" / "pack.toml").read_text() == PACK
    assert PACK_ITEM in window.tracker.curriculum.items and dialog.list.count() == 1
    window.show_node(Node("week", "w01"))
    assert window.checklist_model.row_of(PACK_ITEM) >= 0
    dialog.close()


def test_removing_a_pack_holds_it_aside_and_undo_puts_it_back(
    window: MainWindow, tmp_path: Path, data_dir: Path
) -> None:
    assert window.packs.add(_pack(tmp_path))
    window.request_status(PACK_ITEM, "done")
    assert window.packs.remove("mentor-notes", confirm=False)
    assert window.undo_stack.undoText() == "Remove curriculum pack mentor-notes"
    assert not (data_dir / "packs" / "mentor-notes").exists()
    assert len(list((data_dir / "packs-removed").iterdir())) == 1
    window.show_node(Node("week", "w01"))
    assert window.checklist_model.row_of(PACK_ITEM) == -1
    window.undo_stack.undo()
    assert (data_dir / "packs" / "mentor-notes" / "pack.toml").read_text() == PACK
    window.show_node(Node("week", "w01"))
    assert window.checklist_model.row_of(PACK_ITEM) >= 0
    assert window.tracker.status(PACK_ITEM) == "done"  # progress was kept all along
    window.undo_stack.redo()
    assert not (data_dir / "packs" / "mentor-notes").exists()
    assert PACK_ITEM not in window.tracker.curriculum.items


def test_a_pack_added_on_a_full_disk_is_said_and_leaves_nothing(
    full_disk: FullDisk, tmp_path: Path
) -> None:
    window = full_disk.window
    assert window is not None
    full_disk.fill()
    assert not window.packs.add(_pack(tmp_path))
    box = window.packs.message_box
    assert box is not None and box.text().startswith("Not added: ")
    assert full_disk.words in box.text()
    box.close()
    assert window.undo_stack.count() == 0
    packs_root = full_disk.root / "data" / "packs"
    assert not packs_root.exists() or list(packs_root.iterdir()) == []
    assert PACK_ITEM not in window.tracker.curriculum.items
