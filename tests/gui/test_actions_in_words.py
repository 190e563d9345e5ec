"""Every learner action that cannot be saved (a full disk, a busy file) is said in words in the
window and changes nothing; no error escapes a Qt slot. And Remove with no evidence link
selected removes nothing."""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from cairn.gui.study.widgets import RETRY_MS, TICK_MS
from cairn.gui.widgets.node import Node
from cairn.gui.window.main_window import MainWindow
from cairn.store import StoreError

FULL = "the disk is full. Nothing was changed."
MILESTONE = "rag-eval-golden-set"
PACK = (
    '[pack]\nid = "mentor-notes"\nname = "Mentor notes"\nversion = "1"\n'
    'extends = "cairn-core"\n\n[[week]]\nid = "w01"\n\n[[week.item]]\n'
    'id = "mentor-intro-call"\nkind = "task"\ntitle = "Book an intro call"\n'
    'description = "Agree how often you will meet."\nestimate_hours = 0.5\n'
    'skills = ["judgment-communication"]\nreadings = ["pro-git"]\n'
)


def full_disk(*_args: object, **_kwargs: object) -> NoReturn:
    raise StoreError(f"progress.sqlite3 could not be saved: {FULL}")


def busy(*_args: object, **_kwargs: object) -> NoReturn:
    raise StoreError("progress.sqlite3 is busy (another program holds it). Nothing was changed.")


def said(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def _button(buttons: list[QPushButton], status: str) -> QPushButton:
    return next(b for b in buttons if b.property("status") == status)


def _open_milestone(window: MainWindow) -> None:
    window.show_node(Node("milestone", MILESTONE))
    window.detail.show_item(MILESTONE)


def test_a_reading_marked_on_a_full_disk_stays_unread(
    qtbot,
    window: MainWindow,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window.show_node(Node("group", "readings"))
    reading_id = window.readings.current_reading_id()
    assert reading_id and window.reading_detail.reading_id == reading_id
    monkeypatch.setattr(window.tracker._database, "set_reading_status", full_disk)
    buttons = window.reading_detail.buttons.buttons()
    qtbot.mouseClick(_button(buttons, "read"), Qt.MouseButton.LeftButton)
    assert said(window).startswith("Not changed: ") and FULL in said(window)
    assert window.tracker.reading_status(reading_id) == "unread"
    assert _button(buttons, "unread").isChecked()  # the buttons show what is saved
    window.readings.toggle_read(reading_id)  # Space in the table
    assert window.tracker.reading_status(reading_id) == "unread"


def test_an_offline_copy_attached_on_a_full_disk_is_said_under_the_copy(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window.show_node(Node("group", "readings"))
    saved = tmp_path / "paper.pdf"
    saved.write_bytes(b"%PDF-1.4")
    monkeypatch.setattr(window.tracker._database, "set_reading_copy", full_disk)
    assert not window.reading_detail.attach_copy(saved)
    assert window.reading_detail.copy_state.text().startswith("Not attached: ")
    assert FULL in window.reading_detail.copy_state.text()
    assert window.tracker.reading_copies() == {}


def test_the_timer_buttons_on_a_full_disk_say_so_and_keep_the_timer(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    window.show_node(Node("week", "w01"))
    controls = window.detail.timer
    database = window.tracker._database
    with monkeypatch.context() as patch:
        patch.setattr(database, "set_setting", full_disk)
        qtbot.mouseClick(controls.start, Qt.MouseButton.LeftButton)
        assert said(window).startswith("Not started: ") and FULL in said(window)
        assert window.tracker.timer() is None
    qtbot.mouseClick(controls.start, Qt.MouseButton.LeftButton)
    running = window.tracker.timer()
    assert running is not None and running.running
    sessions = window.tracker.sessions()
    monkeypatch.setattr(database, "set_setting", full_disk)
    monkeypatch.setattr(database, "add_session", full_disk)
    for button, words in (
        (controls.pause, "Not paused: "),
        (controls.stop, "Not stopped: "),
        (controls.discard, "Not discarded: "),
    ):
        window.statusBar().clearMessage()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        if button is controls.stop:  # a stop under a minute asks first: keep it
            qtbot.mouseClick(controls.prompt.keep, Qt.MouseButton.LeftButton)
        assert said(window).startswith(words) and FULL in said(window)
        assert window.tracker.timer() == running
        assert window.tracker.sessions() == sessions
    assert controls.pause.isVisible()  # still shown as running


def test_a_timer_that_cannot_be_read_is_said_once_and_retried_slower(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    window.show_node(Node("week", "w01"))
    controls = window.detail.timer
    qtbot.mouseClick(controls.start, Qt.MouseButton.LeftButton)
    with monkeypatch.context() as patch:
        patch.setattr(window.tracker._database, "setting", busy)
        qtbot.waitUntil(lambda: controls.tick.interval() == RETRY_MS, timeout=5000)
        assert "Not updated (the study timer): " in said(window) and "busy" in said(window)
        assert controls.tick.isActive()
    controls.refresh()  # the next tick that can read the timer
    assert controls.tick.interval() == TICK_MS and controls.tick.isActive()


def test_study_time_added_on_a_full_disk_keeps_the_dialog_open(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.show_node(Node("week", "w01"))
    window.detail.add_time.click()
    dialog = window.detail.add_time_dialog
    sessions = window.tracker.sessions()
    monkeypatch.setattr(window.tracker._database, "add_session", full_disk)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible()
    assert dialog.message.text().startswith("Not added: ") and FULL in dialog.message.text()
    assert window.tracker.sessions() == sessions
    dialog.reject()


def test_a_plan_saved_on_a_full_disk_keeps_the_dialog_open(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = window.show_plan_dialog()
    monkeypatch.setattr(window.tracker._database, "set_setting", full_disk)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible()
    assert dialog.message.text().startswith("Not saved: ") and FULL in dialog.message.text()
    assert window.tracker.plan_settings() is None
    dialog.reject()


def test_target_roles_chosen_on_a_full_disk_go_back_to_what_is_saved(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.show_node(Node("group", "readiness"))
    page = window.dashboard()
    before = window.tracker.target_roles()
    monkeypatch.setattr(window.tracker._database, "set_settings", full_disk)  # both, at once
    action = next(a for a in page.targets_menu.actions() if a.data() not in before)
    action.trigger()  # ticked in the menu
    assert said(window).startswith("Not changed (target roles): ") and FULL in said(window)
    assert not action.isChecked()
    window.statusBar().clearMessage()
    page.role.setCurrentIndex(page.role.findData(action.data()))
    page.primary.click()
    assert said(window).startswith("Not changed (target roles): ")
    assert window.tracker.target_roles() == before


def test_a_theme_chosen_on_a_full_disk_applies_but_says_it_is_not_kept(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    theme = window.theme
    saved = window.tracker.setting("theme")
    with monkeypatch.context() as patch:
        patch.setattr(window.tracker._database, "set_setting", full_disk)
        window.set_theme("dark")
        assert said(window).startswith("Not kept for next time") and FULL in said(window)
        assert window.tracker.setting("theme") == saved
    window.set_theme(theme)


def test_evidence_added_or_removed_on_a_full_disk_is_said_in_the_box(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    _open_milestone(window)
    box = window.detail.evidence
    with monkeypatch.context() as patch:
        patch.setattr(window.tracker._database, "add_evidence", full_disk)
        box.url.setText("https://example.org/proof")
        qtbot.mouseClick(box.add, Qt.MouseButton.LeftButton)
        assert box.message.text().startswith("Not added: ") and FULL in box.message.text()
        assert box.url.text() == "https://example.org/proof"  # kept to try again
        assert window.tracker.evidence(MILESTONE) == []
    qtbot.mouseClick(box.add, Qt.MouseButton.LeftButton)
    assert [e.url for e in window.tracker.evidence(MILESTONE)] == ["https://example.org/proof"]
    monkeypatch.setattr(window.tracker._database, "remove_evidence", full_disk)
    box.links.setCurrentRow(0)
    qtbot.mouseClick(box.remove, Qt.MouseButton.LeftButton)
    assert box.message.text().startswith("Not removed: ") and FULL in box.message.text()
    assert [e.url for e in window.tracker.evidence(MILESTONE)] == ["https://example.org/proof"]


def test_remove_with_no_evidence_link_selected_removes_nothing(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    for url in ("https://example.org/one", "https://example.org/two"):
        window.tracker.add_evidence(MILESTONE, url)
    _open_milestone(window)
    box = window.detail.evidence
    assert box.links.count() == 2 and not box.links.selectedItems()
    assert not box.remove.isEnabled()
    box.remove.click()  # a disabled button does nothing
    box._remove()  # nor does the action itself (a shortcut, an accessibility tool)
    assert len(window.tracker.evidence(MILESTONE)) == 2
    box.links.setCurrentRow(1)
    assert box.remove.isEnabled()
    qtbot.mouseClick(box.remove, Qt.MouseButton.LeftButton)
    assert [e.url for e in window.tracker.evidence(MILESTONE)] == ["https://example.org/one"]
    assert not box.remove.isEnabled()  # the list was reloaded with nothing selected


def test_a_pack_added_or_removed_while_progress_cannot_be_read_is_said_in_a_box(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = tmp_path / "mentor-notes"
    folder.mkdir()
    (folder / "pack.toml").write_text(PACK, encoding="utf-8")
    statuses = window.tracker.statuses()
    with monkeypatch.context() as patch:
        patch.setattr(window.tracker._database, "status_texts", busy)
        assert not window.packs.add(folder)
        box = window.packs.message_box
        assert box is not None and box.isVisible()
        assert box.text().startswith("Not added: ") and "busy" in box.text()
        box.close()
    assert window.tracker.statuses() == statuses
    window.show_node(Node("week", "w01"))  # the window still works
    assert window.packs.add(folder)
    with monkeypatch.context() as patch:
        patch.setattr(window.tracker._database, "status_texts", busy)
        assert not window.packs.remove("mentor-notes", confirm=False)
        box = window.packs.message_box
        assert box is not None and box.text().startswith("Not removed: ")
        box.close()
    assert window.tracker.statuses() == statuses
    window.show_node(Node("week", "w01"))


def test_the_learner_name_in_the_export_dialog_on_a_full_disk_is_said(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = window.sharing.show_export_dialog()
    monkeypatch.setattr(window.tracker._database, "set_setting", full_disk)
    dialog.name.setText("Ada")  # type: ignore[attr-defined]
    dialog.name.editingFinished.emit()  # type: ignore[attr-defined]  # kept when editing ends
    state = dialog.state.text()  # type: ignore[attr-defined]
    assert state.startswith("Not saved (your name): ") and FULL in state
    assert window.tracker.setting("learner_name") in (None, "")
    assert dialog.preview.toPlainText()  # type: ignore[attr-defined]
    dialog.reject()  # type: ignore[attr-defined]


def test_an_action_outside_a_window_is_said_in_a_box_and_logged(
    qtbot, caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox, QWidget

    from cairn.gui.widgets.actions import attempt

    widget = QWidget()
    qtbot.addWidget(widget)

    def read_only_folder() -> NoReturn:
        raise PermissionError(13, "Permission denied", "/data/progress.sqlite3")

    assert attempt(widget, "saved", read_only_folder) is None
    box = widget.findChild(QMessageBox)
    assert box is not None and box.isVisible()
    assert box.text() == "Not saved: Permission denied (/data/progress.sqlite3)"
    assert "not saved: Permission denied" in caplog.text
    box.close()
    assert attempt(widget, "saved", lambda: 42) == 42
