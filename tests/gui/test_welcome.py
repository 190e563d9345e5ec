"""The first-run welcome: keyboard order, Skip, Finish, and hours below one a week."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from cairn.gui.welcome.dialog import WelcomeDialog
from cairn.gui.welcome.first_run import show_welcome
from cairn.gui.window.main_window import MainWindow
from cairn.tracker import Tracker


def opened(window: MainWindow, qtbot: QtBot) -> WelcomeDialog:
    dialog = show_welcome(window)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def press(qtbot: QtBot, key: Qt.Key, text: str = "") -> None:
    widget = focused()
    assert widget is not None
    if text:
        qtbot.keyClicks(widget, text)
    else:
        qtbot.keyClick(widget, key)


def test_the_welcome_is_walked_with_the_keyboard_only(window: MainWindow, qtbot: QtBot) -> None:
    dialog = opened(window, qtbot)
    said = " ".join(label.text() for label in dialog.panes.findChildren(QLabel))
    assert all(pane in said for pane in ("On the left", "In the middle", "on the right"))
    assert focused() is dialog.next  # page 1: Enter goes on
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.pages.currentWidget() is dialog.roles
    assert focused() is dialog.roles.primary
    press(qtbot, Qt.Key.Key_Down)  # the first role
    primary = dialog.roles.primary.currentData()
    assert primary
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.roles.others
    dialog.roles.others.setCurrentRow(dialog.roles.others.count() - 1)
    press(qtbot, Qt.Key.Key_Space)  # tick another role
    other = dialog.roles.others.currentItem().data(Qt.ItemDataRole.UserRole)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.next
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.pages.currentWidget() is dialog.plan
    start = dialog.plan.start.value()
    assert focused() is dialog.plan.start
    press(qtbot, Qt.Key.Key_Tab)  # leaves the date field at once (not its month section)
    assert focused() is dialog.plan.hours
    dialog.plan.hours.selectAll()
    press(qtbot, Qt.Key.Key_unknown, "6")
    assert dialog.plan.hours.value() == 6
    assert dialog.plan.start.value() == start  # typing the hours left the date alone
    assert "finishing around" in dialog.plan.finish.text()
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.finish
    press(qtbot, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert window.tracker.primary_role() == primary
    targets = window.tracker.target_roles()
    assert primary in targets and (other == primary or other in targets)
    plan = window.tracker.plan_settings()
    assert plan is not None and plan.start == start and plan.hours_per_week == 6
    assert window.node.id == "today" and window.windowTitle()
    assert window.undo_stack.undoText() == "Save plan"
    window.undo_stack.undo()
    assert window.tracker.plan_settings() is None
    assert window.undo_stack.undoText() == "Change target roles"


def test_backtab_from_the_hours_goes_back_to_the_date(window: MainWindow, qtbot: QtBot) -> None:
    dialog = opened(window, qtbot)
    dialog.go(2)
    assert focused() is dialog.plan.start
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Backtab)
    assert focused() is dialog.plan.start


def test_skip_saves_nothing_and_the_welcome_does_not_come_back(
    open_window: Callable[[Tracker], MainWindow],
    data_dir: Path,
    shipped_pack: Path,
    qtbot: QtBot,
) -> None:
    window = open_window(Tracker.open(data_dir, shipped_pack))
    dialog = opened(window, qtbot)
    dialog.go(1)
    dialog.skip.click()
    assert not dialog.isVisible()
    assert window.tracker.plan_settings() is None
    assert window.tracker.primary_role() in ("", None)
    window.close()
    window.tracker.close()
    again = open_window(Tracker.open(data_dir, shipped_pack))
    assert again.tracker.plan_settings() is None
    assert show_welcome(again) is None  # asked once only


def test_a_data_folder_with_a_plan_gets_no_welcome(window: MainWindow) -> None:
    window.tracker.set_plan(date(2026, 3, 2), 8)
    assert show_welcome(window) is None


def test_less_than_an_hour_a_week_is_refused_and_the_weeks_stay_right(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = opened(window, qtbot)
    dialog.go(2)
    hours = dialog.plan.hours
    hours.setValue(0.5)
    assert hours.value() == 1  # below one hour a week is not offered
    total = sum(i.estimate_hours for i in window.tracker.counted.items.values())
    assert f"about {round(total)} weeks" in dialog.plan.finish.text()
    hours.setValue(10)
    assert f"about {round(total / 10)} weeks" in dialog.plan.finish.text()
