"""Study time, the study timer and the plan go through the one operation path: each action is
undone and redone by name with the data really going back and forth, both timer controls follow
it, and a full disk is said in words with nothing changed and no undo entry."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from full_disk import FullDisk
from pytestqt.qtbot import QtBot

from cairn.gui.study.sessions import SHOWN
from cairn.gui.widgets.node import Node
from cairn.gui.window.main_window import MainWindow
from cairn.tracker import Tracker
from clocks import Clock

ITEM = "python-project-skeleton"


@pytest.fixture
def window(open_window, data_dir: Path, shipped_pack: Path, clock: Clock) -> MainWindow:  # type: ignore[no-untyped-def]
    window = open_window(Tracker.open(data_dir, shipped_pack, clock=clock))
    window.detail.show_item(ITEM)
    return window


def stored(window: MainWindow) -> list[tuple[str, int, datetime, str]]:
    """The sessions as the database holds them (read again from the file)."""
    window.tracker.reload()
    return [(s.content_id, s.minutes, s.started_at, s.source) for s in window.tracker.sessions()]


def listed(window: MainWindow) -> list[str]:
    """The session lines the learner sees in the detail pane."""
    shown = window.detail.sessions.list
    return [shown.item(row).text() for row in range(shown.count())]


def test_study_time_added_by_hand_is_undone_and_redone(window: MainWindow) -> None:
    window.detail._add_time()
    dialog = window.detail.add_time_dialog
    assert dialog is not None
    dialog.minutes.setValue(35)
    assert dialog.save()
    [(item, minutes, started, source)] = stored(window)
    assert (item, minutes, source) == (ITEM, 35, "manual")
    assert window.undo_stack.undoText() == "Add study time"
    window.undo_stack.undo()
    assert stored(window) == []
    assert window.detail.studied.text() == "No study time recorded yet."
    assert listed(window) == []
    window.undo_stack.redo()
    assert stored(window) == [(ITEM, 35, started, "manual")]
    assert "Studied 0.6 h in 1 session" in window.detail.studied.text()
    assert len(listed(window)) == 1 and "35 min" in listed(window)[0]


def test_a_session_edited_in_the_pane_is_undone_to_what_was_stored(window: MainWindow) -> None:
    window.tracker.log_study(ITEM, 30, started_at=datetime(2026, 3, 10, 8, 0))
    window.detail.sessions.refresh()
    window.detail.sessions.list.setCurrentRow(0)
    dialog = window.detail.sessions.open_edit()
    assert dialog is not None and dialog.minutes.value() == 30
    dialog.minutes.setValue(50)
    assert dialog.save()
    assert [m for _i, m, _s, _src in stored(window)] == [50]
    assert window.undo_stack.undoText() == "Edit study session"
    assert "50 min" in listed(window)[0]
    window.undo_stack.undo()
    assert stored(window) == [(ITEM, 30, datetime(2026, 3, 10, 8, 0), "manual")]
    assert "30 min" in listed(window)[0]
    assert window.detail.sessions.selected_id() is not None  # the selection is kept
    window.undo_stack.redo()
    assert [m for _i, m, _s, _src in stored(window)] == [50]


def test_a_deleted_session_comes_back_on_undo_and_goes_again_on_redo(
    window: MainWindow,
) -> None:
    window.tracker.log_study(ITEM, 25, started_at=datetime(2026, 3, 11, 7, 30), source="cli")
    window.detail.sessions.refresh()
    before = stored(window)
    window.detail.sessions.list.setCurrentRow(0)
    window.detail.sessions.delete.click()
    assert stored(window) == []
    assert window.undo_stack.undoText() == "Delete study session"
    window.undo_stack.undo()
    assert stored(window) == before  # the same minutes, start and source
    assert len(listed(window)) == 1 and "25 min" in listed(window)[0]
    window.undo_stack.redo()
    assert stored(window) == [] and listed(window) == []


def test_the_pane_lists_the_newest_sessions_and_shows_all_on_request(
    window: MainWindow,
) -> None:
    for day in range(1, SHOWN + 3):
        window.tracker.log_study(ITEM, day, started_at=datetime(2026, 3, day, 9, 0))
    window.detail.sessions.refresh()
    assert len(listed(window)) == SHOWN
    assert "7 Mar 2026" in listed(window)[0] and "7 min" in listed(window)[0]  # newest first
    assert window.detail.sessions.more.text() == "Show all (2 more)"
    window.detail.sessions.more.click()
    assert len(listed(window)) == SHOWN + 2
    assert not window.detail.sessions.delete.isEnabled()  # nothing selected


def timer_text(window: MainWindow) -> tuple[str, str]:
    """What the two timer controls show (detail pane, status bar)."""
    return window.detail.timer.label.text(), window.running_timer.label.text()


def test_start_pause_stop_and_discard_are_undone_in_both_timer_controls(
    window: MainWindow, clock: Clock
) -> None:
    controls = window.detail.timer
    controls.start.click()
    assert window.undo_stack.undoText() == "Start timer"
    started = window.tracker.timer()
    assert started is not None and window.running_timer.isVisibleTo(window)
    window.undo_stack.undo()
    assert window.tracker.timer() is None
    assert controls.label.text() == "Not timing." and not window.running_timer.isVisibleTo(window)
    window.undo_stack.redo()
    assert window.tracker.timer() == started  # the same start, not a new one
    clock.now += timedelta(minutes=42)
    controls.pause.click()
    assert window.undo_stack.undoText() == "Pause timer"
    assert all("0:42:00" in text and "(paused)" in text for text in timer_text(window))
    window.undo_stack.undo()
    assert window.tracker.timer() == started
    assert "(paused)" not in window.running_timer.label.text()
    assert controls.pause.text() == "Pause"
    controls.stop.click()
    assert window.undo_stack.undoText() == "Stop timer"
    assert [(m, src) for _i, m, _s, src in stored(window)] == [(42, "timer")]
    assert "Studied 0.7 h in 1 session" in window.detail.studied.text()
    window.undo_stack.undo()
    assert window.tracker.timer() == started and stored(window) == []
    assert all("0:42:00" in text for text in timer_text(window))
    assert window.detail.studied.text() == "No study time recorded yet."
    controls.discard.click()
    assert window.undo_stack.undoText() == "Discard timer"
    assert window.tracker.timer() is None and not window.running_timer.isVisibleTo(window)
    window.undo_stack.undo()
    assert window.tracker.timer() == started and window.running_timer.isVisibleTo(window)
    window.undo_stack.redo()
    assert window.tracker.timer() is None and stored(window) == []


def test_undoing_a_stop_puts_the_timer_back_in_the_pane_and_status_bar(
    window: MainWindow, clock: Clock
) -> None:
    window.detail.timer.start.click()
    clock.now += timedelta(minutes=15)
    window.detail.timer.stop.click()
    assert [m for _i, m, _s, _src in stored(window)] == [15]
    assert window.detail.timer.label.text() == "Not timing."
    window.undo_stack.undo()
    assert stored(window) == []
    assert all("0:15:00" in text for text in timer_text(window))
    assert window.detail.timer.stop.isVisible() and window.running_timer.isVisibleTo(window)


def test_saving_the_plan_is_undone_to_the_previous_plan_or_none(window: MainWindow) -> None:
    for start, hours in ((date(2026, 2, 23), 10.0), (date(2026, 3, 2), 6.0)):
        dialog = window.show_plan_dialog()
        dialog.start.setDate(start)
        dialog.hours.setValue(hours)
        assert dialog.save()
    assert window.undo_stack.undoText() == "Save plan"
    window.undo_stack.undo()
    window.tracker.reload()
    plan = window.tracker.plan_settings()
    assert plan is not None and (plan.start, plan.hours_per_week) == (date(2026, 2, 23), 10.0)
    window.undo_stack.undo()
    window.tracker.reload()
    assert window.tracker.plan_settings() is None
    window.undo_stack.redo()
    window.tracker.reload()
    plan = window.tracker.plan_settings()
    assert plan is not None and plan.hours_per_week == 10.0
    dialog = window.show_plan_dialog()  # the dialog opens on the plan that is saved
    assert dialog.hours.value() == 10.0
    dialog.reject()


def test_study_actions_on_a_full_disk_say_so_change_nothing_and_add_no_undo(
    full_disk: FullDisk,
) -> None:
    window = full_disk.window
    assert window is not None
    window.show_node(Node("week", "w01"))
    item = window.detail.item_id
    window.tracker.log_study(item, 20, started_at=datetime(2026, 1, 5, 9, 0))
    window.detail.sessions.refresh()
    before = stored(window)
    full_disk.fill()
    window.detail._add_time()
    dialog = window.detail.add_time_dialog
    assert dialog is not None
    assert not dialog.save()
    assert dialog.message.text().startswith("Not added: ")
    assert full_disk.words in dialog.message.text()
    dialog.reject()
    window.detail.sessions.list.setCurrentRow(0)
    edit = window.detail.sessions.open_edit()
    assert edit is not None
    edit.minutes.setValue(90)
    assert not edit.save() and full_disk.words in edit.message.text()
    edit.reject()
    window.detail.sessions.delete.click()
    message = window.statusBar().currentMessage()
    assert message.startswith("Not deleted: ") and full_disk.words in message
    assert window.undo_stack.count() == 0
    full_disk.free()
    assert stored(window) == before
    assert len(listed(window)) == 1 and "20 min" in listed(window)[0]


def test_timer_and_plan_on_a_full_disk_say_so_change_nothing_and_add_no_undo(
    full_disk: FullDisk,
) -> None:
    window = full_disk.window
    assert window is not None
    window.show_node(Node("week", "w01"))
    controls = window.detail.timer
    controls.start.click()
    running = window.tracker.timer()
    assert running is not None and window.undo_stack.count() == 1
    full_disk.fill()
    for button, words in (
        (controls.pause, "Not paused: "),
        (controls.stop, "Not stopped: "),
        (controls.discard, "Not discarded: "),
    ):
        window.statusBar().clearMessage()
        button.click()
        if button is controls.stop:  # a stop under a minute asks first: keep it
            controls.prompt.keep.click()
        message = window.statusBar().currentMessage()
        assert message.startswith(words) and full_disk.words in message
        assert window.tracker.timer() == running
    # still shown as running, in the status bar and in the pane
    assert window.running_timer.isVisibleTo(window) and controls.stop.isVisible()
    dialog = window.show_plan_dialog()
    assert not dialog.save()
    assert dialog.message.text().startswith("Not saved: ")
    assert full_disk.words in dialog.message.text()
    dialog.reject()
    assert window.undo_stack.count() == 1
    full_disk.free()
    window.tracker.reload()
    assert window.tracker.timer() == running and window.tracker.sessions() == []
    assert window.tracker.plan_settings() is None


def test_an_undone_stop_refused_by_a_full_disk_keeps_the_session(
    window: MainWindow, clock: Clock, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.detail.timer.start.click()
    clock.now += timedelta(minutes=20)
    window.detail.timer.stop.click()
    from cairn.store import StoreError

    def refuse(*_args: object) -> None:
        raise StoreError("progress.sqlite3 could not be saved: the disk is full.")

    monkeypatch.setattr(window.tracker._database, "restore_timer", refuse)
    window.undo_stack.undo()
    assert "Not undone (Stop timer)" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window.undo_stack.index() == 2)  # moved back: nothing undone
    assert [m for _i, m, _s, _src in stored(window)] == [20] and window.tracker.timer() is None
