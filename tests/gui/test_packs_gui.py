"""File → Curriculum packs…: a disabled pack is listed with its problem and can be removed; a pack
holding a link is refused with the link named (issue 10, cases 9a and 9b)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from cairn.gui.packs.menu import PACK_KEY_ROLE
from cairn.gui.window.main_window import MainWindow
from cairn.tracker import Tracker

GOOD_PACK = (
    '[pack]\nid = "mentor-notes"\nname = "Mentor notes"\nversion = "1"\n'
    'extends = "cairn-core"\n\n[[week]]\nid = "w01"\n\n[[week.item]]\n'
    'id = "mentor-intro-call"\nkind = "task"\ntitle = "Book an intro call"\n'
    'description = "Agree how often you will meet."\nestimate_hours = 0.5\n'
    'skills = ["judgment-communication"]\nreadings = ["pro-git"]\n'
)


def _pack(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True)
    (folder / "pack.toml").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def broken_window(
    open_window: Callable[[Tracker], MainWindow], data_dir: Path, shipped_pack: Path
) -> MainWindow:
    """A window over a data folder holding one good and one hand-broken pack."""
    _pack(data_dir / "packs" / "mentor-notes", GOOD_PACK)
    _pack(data_dir / "packs" / "x", '[pack]\nid = "x"\nname = "Broken by hand\n')
    return open_window(Tracker.open(data_dir, shipped_pack))


def test_9a_the_window_opens_and_lists_the_disabled_pack_with_its_problem(
    broken_window: MainWindow, data_dir: Path
) -> None:
    tracker = broken_window.tracker
    assert [p.id for p in tracker.own_packs()] == ["mentor-notes"]
    assert (
        len(tracker.pack_notices) == 1 and str(data_dir / "packs" / "x") in tracker.pack_notices[0]
    )
    dialog = broken_window.packs.show_packs()
    assert dialog.isVisible() and dialog.list.accessibleName()
    rows = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert rows[0] == "Mentor notes (mentor-notes 1)"
    assert rows[1].startswith("x — disabled: TOML syntax error")
    dialog.list.setCurrentRow(1)
    assert f"{data_dir / 'packs' / 'x' / 'pack.toml'}:3" in dialog.details.toPlainText()


def test_9a_the_learner_removes_a_disabled_pack_from_the_dialog(
    qtbot,
    broken_window: MainWindow,
    data_dir: Path,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []

    def yes(box: QMessageBox) -> QMessageBox.StandardButton:
        asked.append(box.text())
        assert box.textFormat() == Qt.TextFormat.PlainText  # a folder name is never markup
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "exec", yes)
    dialog = broken_window.packs.show_packs()
    dialog.list.setCurrentRow(1)
    assert dialog.list.currentItem().data(PACK_KEY_ROLE) == "x"
    dialog.remove_button.click()
    assert asked and "'x'" in asked[0]
    assert not (data_dir / "packs" / "x").exists()
    assert (data_dir / "packs" / "mentor-notes" / "pack.toml").is_file()
    assert broken_window.tracker.pack_notices == []
    assert [dialog.list.item(i).text() for i in range(dialog.list.count())] == [
        "Mentor notes (mentor-notes 1)"
    ]


def test_9a_the_remove_menu_offers_the_disabled_pack(broken_window: MainWindow) -> None:
    menu = broken_window.packs.remove_menu
    menu.aboutToShow.emit()
    assert [a.text() for a in menu.actions()] == ["Mentor notes (mentor-notes 1)", "x (disabled)"]
    assert menu.isEnabled()


def test_9b_a_pack_holding_a_link_is_refused_with_the_link_named(
    window: MainWindow, tmp_path: Path, data_dir: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("private", encoding="utf-8")
    pack = _pack(tmp_path / "incoming", GOOD_PACK)
    (pack / "notes.txt").symlink_to(secret)
    items_before = len(window.tracker.curriculum.items)
    assert not window.packs.add(pack)
    dialog = window.packs.problems_dialog
    assert dialog is not None and dialog.isVisible()
    assert f"{pack / 'notes.txt'}: is a symbolic link" in dialog.text.toPlainText()
    assert len(window.tracker.curriculum.items) == items_before
    packs_folder = data_dir / "packs"
    assert not packs_folder.exists() or list(packs_folder.iterdir()) == []
    dialog.close()
