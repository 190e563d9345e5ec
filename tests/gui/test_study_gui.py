"""Study time, plan, Today, History and offline readings in the window."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from cairn.gui.widgets.node import Node
from cairn.gui.window.main_window import MainWindow
from cairn.tracker import Tracker
from clocks import Clock


@pytest.fixture
def window(open_window, data_dir: Path, shipped_pack: Path, clock: Clock) -> MainWindow:  # type: ignore[no-untyped-def]
    return open_window(Tracker.open(data_dir, shipped_pack, clock=clock))


def test_plan_dialog_sets_the_plan_and_today_reports_pace(window: MainWindow) -> None:
    dialog = window.show_plan_dialog()
    dialog.start.setDate(date(2026, 2, 23))
    dialog.hours.setValue(10)
    assert "finishing around" in dialog.finish.text()
    dialog.save()
    settings = window.tracker.plan_settings()
    assert settings is not None and settings.hours_per_week == 10
    window.show_node(Node("group", "today"))
    summary = window.header.summary.text()
    assert "Behind plan by" in summary  # 17 days in, nothing done
    headings = [window.tree_model.item(r, 0).text() for r in range(window.tree_model.rowCount())]
    assert headings[0].startswith("Next in week 1")


def test_today_lists_work_in_progress_first(window: MainWindow) -> None:
    item = window.tracker.curriculum.week_items("w02")[1]
    window.request_status(item.id, "doing")
    window.show_node(Node("group", "today"))
    first = window.tree_model.item(0, 0)
    assert first.text().startswith("In progress") and first.rowCount() == 1
    assert window.tree.current_item_id() == item.id


def test_timer_from_the_item_pane_records_a_session(
    qtbot,
    window: MainWindow,  # type: ignore[no-untyped-def]
    clock: Clock,
) -> None:
    window.show_node(Node("week", "w01"))
    item_id = window.detail.item_id
    controls = window.detail.timer
    controls.start.click()
    assert window.tracker.timer() is not None
    clock.now += timedelta(minutes=42)
    controls.refresh()
    assert "0:42:00" in controls.label.text()
    window.running_timer.refresh()
    assert window.running_timer.isVisibleTo(window)
    assert "0:42:00" in window.running_timer.label.text()
    controls.pause.click()
    clock.now += timedelta(minutes=30)
    controls.refresh()
    assert "0:42:00 (paused)" in controls.label.text()
    controls.stop.click()
    assert [(s.content_id, s.minutes) for s in window.tracker.sessions()] == [(item_id, 42)]
    assert "Studied 0.7 h in 1 session" in window.detail.studied.text()


def test_add_time_by_hand(window: MainWindow) -> None:
    window.show_node(Node("week", "w01"))
    window.detail._add_time()
    dialog = window.detail.add_time_dialog
    dialog.minutes.setValue(35)
    assert dialog.save()
    assert [s.minutes for s in window.tracker.sessions()] == [35]
    assert "Studied 0.6 h" in window.detail.studied.text()


def test_history_page_from_fixture_sessions(window: MainWindow, clock: Clock) -> None:
    tracker = window.tracker
    tracker.set_plan(date(2026, 2, 23), 8)
    for day, minutes in (
        (date(2026, 3, 9), 60),
        (date(2026, 3, 10), 90),
        (date(2026, 3, 11), 30),
        (date(2026, 2, 24), 120),
    ):
        tracker.log_study(
            "python-project-skeleton",
            minutes,
            started_at=datetime.combine(day, datetime.min.time()).replace(hour=20),
        )
    tracker._database.set_status("python-project-skeleton", "done", datetime(2026, 2, 25, 21))
    tracker.reload()
    window.show_node(Node("group", "history"))
    page = window.history()
    data = page.refresh(date(2026, 3, 12))
    assert data.weekly_hours[:3] == [2.0, 0.0, 3.0]
    assert data.planned_weekly == 8 and data.done_by_week[0] == 1
    # 8 h plan the first two items of week 1 (2.5 h + 2.75 h; the third would pass 8 h)
    assert data.planned_done_by_week is not None and data.planned_done_by_week[0] == 2
    assert "5.0 h studied on 4 days" in page.summary.text()
    assert "Current streak 3 days" in page.summary.text()
    assert page.hours.series() and page.burn_up.series()
    calendar = page.calendar
    assert calendar.colour(120) != calendar.colour(0)
    assert not window.right.isVisible()  # the charts take the width


def test_offline_copy_attached_opened_and_reported_missing(
    qtbot,
    window: MainWindow,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    window.navigation.setCurrentIndex(window.navigation_model.index_of(Node("group", "readings")))
    page, detail = window.readings, window.reading_detail
    reading_id = page.current_reading_id()
    saved = tmp_path / "saved.pdf"
    saved.write_bytes(b"%PDF-1.4")
    assert detail.attach_copy(saved)
    assert "Available offline" in detail.copy_state.text() and detail.open_copy.isEnabled()
    row = page.model._row_of[reading_id]
    assert page.model.index(row, 5).data() == "✓ saved"
    saved.unlink()
    page.model.refresh_copies()
    detail.show_reading(reading_id, page.model.used_by[reading_id])
    assert "missing" in detail.copy_state.text() and not detail.open_copy.isEnabled()
    assert page.model.index(row, 5).data() == "missing"
    assert not detail.attach_copy(tmp_path / "nowhere.pdf")
    assert "not a file" in detail.copy_state.text()
