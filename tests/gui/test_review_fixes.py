"""Defects a reviewer found in the window: an export whose time cannot be kept (a full data
disk) is still said to be saved, in words, and the Export button works again."""

from __future__ import annotations

from pathlib import Path

from full_disk import FullDisk
from pytestqt.qtbot import QtBot

from cairn.gui.sharing.export_dialog import ExportDialog
from cairn.reports.summary import LAST_EXPORT


def test_an_export_to_another_disk_while_the_data_disk_is_full_is_saved_and_says_so(
    qtbot: QtBot, full_disk: FullDisk, tmp_path: Path
) -> None:
    window = full_disk.window
    assert window is not None
    dialog = window.sharing.show_export_dialog()
    assert isinstance(dialog, ExportDialog)
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    target = tmp_path / "elsewhere" / "ada.md"  # tmp_path is not the data disk
    target.parent.mkdir()
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        dialog.export_to(target)  # the file is written on a worker thread …
        full_disk.fill()  # … and the data disk fills before the window hears it is written
    said = dialog.state.text()
    assert target.read_text(encoding="utf-8").startswith("# Progress summary")
    assert said.startswith(f"Saved {target}, but the time of this export was not kept: ")
    assert full_disk.words in said
    assert dialog.export_button.isEnabled()
    assert window.tracker.setting(LAST_EXPORT) is None  # nothing half-kept
    full_disk.free()
    with qtbot.waitSignal(dialog.exported, timeout=10_000):  # the button works again
        dialog.export_to(target)
    assert dialog.state.text() == f"Saved {target}."
    assert window.tracker.setting(LAST_EXPORT) is not None
    dialog.close()
