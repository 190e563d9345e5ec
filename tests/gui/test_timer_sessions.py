"""The study timer's indicator and prompts, and correcting recorded sessions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from cairn.gui.study.session_table import SessionTable
from cairn.gui.study.stop_prompt import LongSessionPrompt, ShortSessionPrompt
from cairn.gui.widgets.node import Node
from cairn.gui.window.main_window import MainWindow
from cairn.tracker import Tracker
from clocks import Clock


@pytest.fixture
def window(open_window, data_dir: Path, shipped_pack: Path, clock: Clock) -> MainWindow:  # type: ignore[no-untyped-def]
    window = open_window(Tracker.open(data_dir, shipped_pack, clock=clock))
    window.show_node(Node("week", "w01"))
    return window


def stored(window: MainWindow) -> list[tuple[int, str]]:
    return [(s.minutes, s.source) for s in window.tracker.sessions()]


def test_the_status_bar_indicator_keeps_its_size_and_has_no_buttons(
    window: MainWindow, clock: Clock
) -> None:
    bar = window.statusBar()
    height = bar.height()
    indicator = window.running_timer
    size = indicator.size()
    window.detail.timer.start.click()
    assert indicator.isVisibleTo(window) and indicator.size() == size
    clock.now += timedelta(hours=2, minutes=5)
    window.detail.timer.pause.click()
    assert "(paused)" in indicator.label.text() and "\n" not in indicator.label.text()
    assert indicator.size() == size and bar.height() == height
    title = window.tracker.curriculum.items[window.detail.item_id].title
    assert indicator.label.toolTip().endswith(f"{title} (paused)")
    shown = [b for b in indicator.findChildren(QPushButton) if b.isVisibleTo(window)]
    assert shown == []  # the controls are in the item pane only


def test_the_pane_stops_a_timer_running_on_another_item(window: MainWindow, clock: Clock) -> None:
    first = window.detail.item_id
    window.detail.timer.start.click()
    second = window.tracker.curriculum.week_items("w01")[1].id
    window.detail.show_item(second)
    controls = window.detail.timer
    assert controls.stop.isVisibleTo(window) and controls.start.text() == "Time this"
    title = window.tracker.curriculum.items[first].title
    assert controls.other.text() == f"Timing: {title}" and "0:00:00" in controls.label.text()
    clock.now += timedelta(minutes=20)
    controls.stop.click()
    assert [(s.content_id, s.minutes) for s in window.tracker.sessions()] == [(first, 20)]


def short_prompt(window: MainWindow, clock: Clock, qtbot: QtBot) -> ShortSessionPrompt:
    window.detail.timer.start.click()
    clock.now += timedelta(seconds=30)
    window.detail.timer.stop.click()
    prompt = window.detail.timer.prompt
    assert isinstance(prompt, ShortSessionPrompt)
    qtbot.waitExposed(prompt)
    assert "less than a minute (30 s)" in prompt.text.text()
    assert window.tracker.timer() is not None  # nothing decided yet
    return prompt


def test_a_30_second_session_kept_is_one_minute(
    window: MainWindow, clock: Clock, qtbot: QtBot
) -> None:
    short_prompt(window, clock, qtbot).keep.click()
    assert stored(window) == [(1, "timer")] and window.tracker.timer() is None
    assert "Studied 0.0 h in 1 session" in window.detail.studied.text()
    window.undo_stack.undo()
    assert stored(window) == [] and window.tracker.timer() is not None


def test_a_30_second_session_discarded_leaves_nothing(
    window: MainWindow, clock: Clock, qtbot: QtBot
) -> None:
    short_prompt(window, clock, qtbot).discard.click()
    assert stored(window) == [] and window.tracker.timer() is None
    assert window.undo_stack.undoText() == "Discard timer"


def test_keep_timing_closes_the_prompt_and_the_timer_runs_on(
    window: MainWindow, clock: Clock, qtbot: QtBot
) -> None:
    short_prompt(window, clock, qtbot).keep_timing.click()
    state = window.tracker.timer()
    assert state is not None and state.running and stored(window) == []


def long_prompt(window: MainWindow, clock: Clock, qtbot: QtBot) -> LongSessionPrompt:
    window.detail.timer.start.click()
    clock.now += timedelta(hours=4)
    window.detail.timer.stop.click()
    prompt = window.detail.timer.prompt
    assert isinstance(prompt, LongSessionPrompt)
    qtbot.waitExposed(prompt)
    assert stored(window) == []  # asked before saving
    return prompt


def test_a_four_hour_run_asks_and_saves_all_of_it(
    window: MainWindow, clock: Clock, qtbot: QtBot
) -> None:
    prompt = long_prompt(window, clock, qtbot)
    started = prompt.started
    assert f"You started at {started:%H:%M} — 4 h ago" in prompt.text.text()
    assert prompt.save_all.text() == "Save 4 h"
    prompt.save_all.click()
    assert stored(window) == [(240, "timer")]


def test_a_four_hour_run_saved_up_to_a_time(window: MainWindow, clock: Clock, qtbot: QtBot) -> None:
    prompt = long_prompt(window, clock, qtbot)
    prompt.until.setDateTime(prompt.until.dateTime().addSecs(-30 * 60))  # 3 h → 2 h 30 min
    prompt.save_until.click()
    assert stored(window) == [(150, "timer")]
    session = window.tracker.sessions()[0]
    assert session.started_at == datetime(2026, 3, 12, 19, 0)
    window.undo_stack.undo()
    assert stored(window) == [] and window.tracker.timer() is not None


def test_a_four_hour_run_discarded(window: MainWindow, clock: Clock, qtbot: QtBot) -> None:
    long_prompt(window, clock, qtbot).discard.click()
    assert stored(window) == [] and window.tracker.timer() is None


def test_a_timer_found_running_after_a_restart_asks_before_saving(
    open_window: Callable[[Tracker], MainWindow],
    data_dir: Path,
    shipped_pack: Path,
    clock: Clock,
    qtbot: QtBot,
) -> None:
    first = open_window(Tracker.open(data_dir, shipped_pack, clock=clock))
    item = first.tracker.curriculum.week_items("w01")[0].id
    first.tracker.start_timer(item)
    first.close()
    first.tracker.close()
    clock.now += timedelta(minutes=50)
    window = open_window(Tracker.open(data_dir, shipped_pack, clock=clock))
    window.detail.show_item(item)
    window.detail.timer.stop.click()
    prompt = window.detail.timer.prompt
    assert isinstance(prompt, LongSessionPrompt)
    assert "left running" in prompt.text.text() and "50 min" in prompt.text.text()
    prompt.save_all.click()
    assert stored(window) == [(50, "timer")]


def test_a_normal_session_is_saved_without_asking(window: MainWindow, clock: Clock) -> None:
    window.detail.timer.start.click()
    clock.now += timedelta(minutes=45)
    window.detail.timer.stop.click()
    assert window.detail.timer.prompt is None and stored(window) == [(45, "timer")]


@pytest.fixture
def table(window: MainWindow, qtbot: QtBot) -> SessionTable:
    tracker = window.tracker
    items = tracker.curriculum.week_items("w01")
    tracker.log_study(items[0].id, 30, started_at=datetime(2026, 3, 10, 18, 0))
    tracker.log_study(items[1].id, 50, started_at=datetime(2026, 3, 11, 18, 0), source="cli")
    table = SessionTable(tracker, window.operations)
    qtbot.addWidget(table)
    return table


def test_the_session_table_lists_every_session_newest_first(
    window: MainWindow, table: SessionTable
) -> None:
    items = window.tracker.curriculum.week_items("w01")
    rows = [[table.text(r, c) for c in range(4)] for r in range(table.model.rowCount())]
    assert [r[1:] for r in rows] == [
        [items[1].title, "50", "logged"],
        [items[0].title, "30", "added"],
    ]
    assert rows[0][0].startswith("11 Mar 2026")
    assert not table.edit.isEnabled() and not table.delete.isEnabled()
    assert not table.table.tabKeyNavigation()


def test_the_session_table_edits_with_undo(window: MainWindow, table: SessionTable) -> None:
    table.table.selectRow(1)
    dialog = table.open_edit()
    assert dialog is not None
    dialog.minutes.setValue(35)
    assert dialog.save()
    assert table.text(1, 2) == "35" and table.selected_id() is not None
    assert window.undo_stack.undoText() == "Edit study session"
    window.undo_stack.undo()
    assert table.text(1, 2) == "30"
    window.undo_stack.redo()
    assert table.text(1, 2) == "35"


def test_the_session_table_deletes_with_undo(window: MainWindow, table: SessionTable) -> None:
    table.table.selectRow(0)
    table.delete.click()
    assert table.model.rowCount() == 1 and table.text(0, 2) == "30"
    assert window.undo_stack.undoText() == "Delete study session"
    window.undo_stack.undo()
    assert table.model.rowCount() == 2 and table.text(0, 2) == "50"
    assert "2 sessions, 1.3 h in all" in table.summary.text()


def test_the_item_pane_edits_and_deletes_its_sessions_with_undo(
    window: MainWindow, clock: Clock
) -> None:
    item = window.detail.item_id
    window.tracker.log_study(item, 40, started_at=datetime(2026, 3, 11, 18, 0))
    sessions = window.detail.sessions
    sessions.refresh()
    sessions.list.setCurrentRow(0)
    dialog = sessions.open_edit()
    assert dialog is not None
    dialog.minutes.setValue(25)
    assert dialog.save()
    assert "25 min" in sessions.list.item(0).text()
    sessions.list.setCurrentRow(0)
    sessions.delete.click()
    assert window.detail.studied.text() == "No study time recorded yet."
    window.undo_stack.undo()
    assert "25 min" in sessions.list.item(0).text()
    window.undo_stack.undo()
    assert "40 min" in sessions.list.item(0).text()


def test_a_timer_across_an_idle_gap_asks_before_saving(window: MainWindow, clock: Clock) -> None:
    controls = window.detail.timer
    controls.start.click()
    clock.now += timedelta(minutes=40)
    controls._last_tick -= 3600  # the computer slept: the next tick comes an hour late
    controls.tick.timeout.emit()
    controls.stop.click()
    prompt = controls.prompt
    assert isinstance(prompt, LongSessionPrompt) and "idle" in prompt.text.text()
    assert stored(window) == []
    prompt.save_until.click()  # "until" starts at the whole 40 minutes
    assert stored(window) == [(40, "timer")]


def test_the_session_model_passes_qt_model_checks(table: SessionTable, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(table.model)
    assert table.model.headerData(2, Qt.Orientation.Horizontal) == "Minutes"
    assert table.model.index(0, 2).data(Qt.ItemDataRole.TextAlignmentRole) is not None


def test_the_session_table_keeps_its_selection_and_fits_its_columns(
    window: MainWindow, table: SessionTable, qtbot: QtBot
) -> None:
    table.show()
    qtbot.waitExposed(table)
    table.table.selectRow(1)
    kept = table.selected_id()
    items = window.tracker.curriculum.week_items("w01")
    window.operations.publish(
        window.tracker.log_study(items[2].id, 1234, started_at=datetime(2026, 3, 12, 9, 0))
    )
    assert table.selected_id() == kept and table.model.rowCount() == 3
    view = table.table
    for column in (0, 2, 3):  # at least what Qt's own fitting gives (cells and grid line)
        assert view.columnWidth(column) >= view.sizeHintForColumn(column), column
