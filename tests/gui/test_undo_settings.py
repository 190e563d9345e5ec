"""Target roles, the theme and what the export dialog keeps go through the one operation path:
undoable and redoable by name, shown in the view after an undo, and a full disk is said in
words with nothing changed and no undo entry."""

from __future__ import annotations

from pathlib import Path

from full_disk import FullDisk
from pytestqt.qtbot import QtBot

from cairn.gui.readiness.page import ReadinessPage
from cairn.gui.sharing.export_dialog import ExportDialog
from cairn.gui.widgets.node import Node
from cairn.gui.window.main_window import MainWindow


def _readiness(window: MainWindow) -> ReadinessPage:
    window.show_node(Node("group", "readiness"))
    return window.dashboard()


def _ticked(page: ReadinessPage) -> list[str]:
    return [a.data() for a in page.targets_menu.actions() if a.isChecked()]


def _stored(window: MainWindow, key: str) -> object:
    window.tracker.reload()
    return window.tracker.setting(key)


def test_target_roles_are_undone_and_redone_by_name(window: MainWindow) -> None:
    page = _readiness(window)
    first, second = (a.data() for a in page.targets_menu.actions()[:2])
    page.targets_menu.actions()[0].trigger()
    assert window.undo_stack.undoText() == "Change target roles"
    page.role.setCurrentIndex(page.role.findData(second))
    page.primary.click()
    assert window.tracker.target_roles() == [second, first]
    window.undo_stack.undo()
    assert window.tracker.target_roles() == [first] and _ticked(page) == [first]
    window.undo_stack.undo()
    assert window.tracker.target_roles() == [] and _ticked(page) == []
    assert _stored(window, "primary_role") is None  # as it was: never chosen
    assert "no target roles chosen yet" in page.state.text()
    window.undo_stack.redo()
    window.undo_stack.redo()
    assert window.tracker.target_roles() == [second, first]
    assert page.primary.text() == "Primary role"


def test_target_roles_on_a_full_disk_are_said_with_no_undo_entry(full_disk: FullDisk) -> None:
    window = full_disk.window
    assert window is not None
    page = _readiness(window)
    full_disk.fill()
    action = page.targets_menu.actions()[0]
    action.trigger()
    said = window.statusBar().currentMessage()
    assert said.startswith("Not changed (target roles): ") and full_disk.words in said
    assert window.undo_stack.count() == 0 and not action.isChecked()
    full_disk.free()
    window.tracker.reload()
    assert window.tracker.target_roles() == []


def test_a_theme_is_undone_and_the_previous_theme_applies_again(window: MainWindow) -> None:
    before = window.theme
    window.set_theme("dark")
    assert window.undo_stack.undoText() == "Change theme"
    assert _stored(window, "theme") == "dark" and window.theme_actions["dark"].isChecked()
    window.set_theme("light")
    window.undo_stack.undo()
    assert window.theme == "dark" and _stored(window, "theme") == "dark"
    assert window.theme_actions["dark"].isChecked()
    window.undo_stack.undo()
    assert _stored(window, "theme") is None and window.theme == "system"  # never chosen
    assert before == "system" and window.theme_actions["system"].isChecked()
    window.undo_stack.redo()
    assert window.theme == "dark" and _stored(window, "theme") == "dark"


def test_a_theme_on_a_full_disk_applies_but_adds_no_undo_entry(full_disk: FullDisk) -> None:
    window = full_disk.window
    assert window is not None
    full_disk.fill()
    window.set_theme("dark")
    said = window.statusBar().currentMessage()
    assert said.startswith("Not kept for next time") and full_disk.words in said
    assert window.theme == "dark" and window.undo_stack.count() == 0
    full_disk.free()
    assert _stored(window, "theme") is None
    window.set_theme("system")


def _export_dialog(window: MainWindow) -> ExportDialog:
    dialog = window.sharing.show_export_dialog()
    assert isinstance(dialog, ExportDialog)
    return dialog


def test_the_learner_name_is_undone_in_the_dialog_too(window: MainWindow) -> None:
    dialog = _export_dialog(window)
    dialog.name.setText("Ada")
    assert window.undo_stack.count() == 0  # typing alone keeps nothing yet
    assert "Progress summary: Ada" in dialog.preview.toPlainText()  # the preview shows it
    dialog.name.editingFinished.emit()
    assert window.undo_stack.undoText() == "Edit learner name"
    assert _stored(window, "learner_name") == "Ada"
    window.undo_stack.undo()
    assert _stored(window, "learner_name") is None and dialog.name.text() == ""
    window.undo_stack.redo()
    assert _stored(window, "learner_name") == "Ada" and dialog.name.text() == "Ada"
    dialog.reject()


def test_what_an_export_keeps_is_undone_step_by_step(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = _export_dialog(window)
    dialog.questions.setPlainText("Is my eval harness rigorous enough?")
    dialog.goals.setPlainText("Finish the RAG project")
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        dialog.export_to(tmp_path / "summary.md")
    texts = [window.undo_stack.text(i) for i in range(window.undo_stack.count())]
    assert texts == ["Change export choice", "Edit mentor questions", "Edit next goals"]
    window.undo_stack.undo()
    assert _stored(window, "next_goals") is None and dialog.goals.toPlainText() == ""
    window.undo_stack.undo()
    assert _stored(window, "mentor_questions") is None and dialog.questions.toPlainText() == ""
    window.undo_stack.undo()
    assert _stored(window, "export_choice") is None
    window.undo_stack.redo()
    assert _stored(window, "export_choice") == {
        "format": "md",
        "period": "last",
        "notes": True,
        "mark_sent": True,
    }
    dialog.reject()


def test_the_learner_name_on_a_full_disk_is_said_with_no_undo_entry(
    full_disk: FullDisk,
) -> None:
    window = full_disk.window
    assert window is not None
    dialog = _export_dialog(window)
    full_disk.fill()
    dialog.name.setText("Ada")
    dialog.name.editingFinished.emit()
    said = dialog.state.text()
    assert said.startswith("Not saved (your name): ") and full_disk.words in said
    assert window.undo_stack.count() == 0
    dialog.goals.setPlainText("Finish the RAG project")
    dialog.export_to(Path.home() / "never-written.md")
    assert dialog.state.text().startswith("Not saved (your name): ")
    assert not (Path.home() / "never-written.md").exists()
    full_disk.free()
    assert _stored(window, "learner_name") is None and _stored(window, "next_goals") is None
    assert window.undo_stack.count() == 0
    dialog.reject()
