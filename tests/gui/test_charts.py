"""The charts read at real values: scaled to the data, full labels with weights, values and
empty days visible in both themes, labelled axes, and a study calendar driven by keyboard."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QPalette, QUndoStack
from PySide6.QtWidgets import QApplication, QWidget

from cairn.gui.history.page import HistoryPage
from cairn.gui.operations import Operations
from cairn.gui.readiness.page import ReadinessPage
from cairn.gui.widgets.charts import RadarChart, Spoke, contrast, nice_maximum
from cairn.gui.widgets.theme import apply_theme
from cairn.tracker import Tracker


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[QApplication]:
    """The application, its palette and style sheet put back after the test."""
    palette, sheet, style = qapp.palette(), qapp.styleSheet(), qapp.style().name()
    yield qapp
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setStyleSheet(sheet)


@pytest.fixture
def pages(qtbot, data_dir: Path, shipped_pack: Path) -> Iterator[tuple[Tracker, Operations]]:  # type: ignore[no-untyped-def]
    tracker = Tracker.open(data_dir, shipped_pack)
    tracker.set_target_roles("llm-engineer", ["ai-product-engineer"])
    host = QWidget()
    qtbot.addWidget(host)
    yield tracker, Operations(tracker, QUndoStack(host), host)
    tracker.close()


def _shown(qtbot, widget: QWidget) -> QWidget:  # type: ignore[no-untyped-def]
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_radar_maximum_follows_the_data(qtbot) -> None:  # type: ignore[no-untyped-def]
    radar = RadarChart()
    qtbot.addWidget(radar)
    radar.set_data(
        [Spoke(f"Role {n}", score) for n, score in enumerate((2, 7, 24, 11, 5))],
        "Scale: rings to {maximum} of 100 readiness points",
    )
    assert radar.axis_max == 25
    assert radar.ticks()[-1] == 25
    assert "25 of 100" in radar.scale_text
    assert [nice_maximum(v) for v in (0, 9.5, 25, 26, 49, 51, 100)] == [
        10,
        10,
        25,
        50,
        50,
        100,
        100,
    ]


def test_readiness_radar_shows_full_role_names_at_a_real_scale(qtbot, pages) -> None:  # type: ignore[no-untyped-def]
    tracker, operations = pages
    for item in tracker.curriculum.week_items("w01"):
        tracker.set_status(item.id, "done")
    page = _shown(qtbot, ReadinessPage(tracker, operations))
    highest = max(r.score for r in tracker.readiness().roles())
    assert 0 < highest < page.radar.axis_max <= 25
    labels = [page.radar.spoke_label(s).replace("\u00a0", " ") for s in page.radar.spokes]
    assert any(label.startswith("★ LLM / AI Engineer · ") for label in labels)
    assert any("Responsible AI / ML Governance Engineer" in label for label in labels)


def test_bar_labels_carry_full_names_and_weights(qtbot, pages) -> None:  # type: ignore[no-untyped-def]
    tracker, operations = pages
    page = _shown(qtbot, ReadinessPage(tracker, operations))
    labels = [label.replace("\u00a0", " ") for label in page.bars.labels()]
    assert labels[0] == "Grounding and RAG · 15 %"
    areas = tracker.readiness().role("llm-engineer").areas
    assert labels == [f"{a.name} · {a.weight} %" for a in areas]


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_bar_values_are_readable_in_both_themes(qtbot, pages, themed, theme: str) -> None:  # type: ignore[no-untyped-def]
    tracker, operations = pages
    apply_theme(themed, theme)
    page = _shown(qtbot, ReadinessPage(tracker, operations))
    assert contrast(page.bars.value_colour(), page.bars.background()) >= 4.5
    assert contrast(page.radar.text_colour(), page.radar.background()) >= 4.5


def test_readiness_page_does_not_force_the_window_wider(qtbot, pages) -> None:  # type: ignore[no-untyped-def]
    tracker, operations = pages
    page = _shown(qtbot, ReadinessPage(tracker, operations))
    assert page.minimumSizeHint().width() <= 560


def _history(qtbot, tracker: Tracker, operations: Operations) -> HistoryPage:  # type: ignore[no-untyped-def]
    tracker.set_plan(date(2026, 2, 23), 8)
    tracker.set_status(tracker.curriculum.week_items("w01")[0].id, "done")
    page = HistoryPage(tracker, operations)
    _shown(qtbot, page)
    page.refresh(date(2026, 3, 12))
    return page


def test_weekly_hours_chart_labels_its_weeks_and_hours(qtbot, pages) -> None:  # type: ignore[no-untyped-def]
    page = _history(qtbot, *pages)
    assert page.weeks_axis.labelsVisible()
    assert page.weeks_axis.categoriesLabels()[:3] == ["1", "5", "9"]
    assert page.weeks_axis.titleText() == "Week of the plan"
    assert page.hours_axis.titleText() == "Hours"
    assert page.plan_line.isVisible() and page.plan_line.name() == "Plan (8 h a week)"


def test_burn_up_runs_to_the_items_that_count(qtbot, pages) -> None:  # type: ignore[no-untyped-def]
    tracker, operations = pages
    page = _history(qtbot, tracker, operations)
    counted = len(tracker.counted.items)
    assert page.burn_items.max() == counted
    assert page.burn_items.titleText() == f"Items done (of {counted})"
    assert page.finished_line.pen().style() != page.planned_line.pen().style()


def test_calendar_takes_focus_and_arrow_keys_move_the_day(qtbot, pages) -> None:  # type: ignore[no-untyped-def]
    page = _history(qtbot, *pages)
    calendar = page.calendar
    assert calendar.accessibleName() == "Calendar of study days"
    assert calendar.focusPolicy() == Qt.FocusPolicy.StrongFocus
    calendar.setFocus()
    qtbot.waitUntil(calendar.hasFocus)
    assert calendar.focused_day == date(2026, 3, 12)
    qtbot.keyClick(calendar, Qt.Key.Key_Left)
    assert calendar.focused_day == date(2026, 3, 5)
    qtbot.keyClick(calendar, Qt.Key.Key_Down)
    assert calendar.focused_day == date(2026, 3, 6)
    assert calendar.focused_text() == "Fri 6 Mar 2026: no study"
    assert "Fri 6 Mar 2026" in calendar.accessibleDescription()
    for _ in range(20):  # it stops at the first week
        qtbot.keyClick(calendar, Qt.Key.Key_Left)
    assert calendar.focused_day == date(2026, 2, 27)


def test_calendar_month_names_never_overlap(qtbot, pages) -> None:  # type: ignore[no-untyped-def]
    page = _history(qtbot, *pages)
    labels = page.calendar.month_labels()
    metrics = QFontMetrics(page.calendar.font())
    assert len(labels) >= 5
    for (x, name), (next_x, _) in pairwise(labels):
        assert x + metrics.horizontalAdvance(name) < next_x


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_empty_calendar_days_are_visible(qtbot, pages, themed, theme: str) -> None:  # type: ignore[no-untyped-def]
    apply_theme(themed, theme)
    page = _history(qtbot, *pages)
    window = page.calendar.palette().color(QPalette.ColorRole.Window)
    assert contrast(page.calendar.colour(0), window) >= 1.25
    assert page.calendar.colour(120) != page.calendar.colour(0)


def test_a_narrow_radar_names_every_role_in_full_in_a_legend(qtbot) -> None:  # type: ignore[no-untyped-def]
    radar = RadarChart()
    qtbot.addWidget(radar)
    names = ["Responsible AI / ML Governance Engineer", "ML Platform / Infrastructure Engineer"]
    radar.set_data(
        [Spoke(name, 5.0) for name in [*names, "Applied Scientist", "LLM / AI Engineer"]],
        "Scale: rings to {maximum} of 100 readiness points",
    )
    radar.resize(300, 260)
    radar.grab()  # paints: too narrow for labels at the tips, so they move to a legend
    assert radar.numbered
    assert radar.tip_label(0) == "1"
    legend = [line.replace("\u00a0", " ") for line in radar.legend_lines()]
    assert legend[0] == "1. Responsible AI / ML Governance Engineer · 5.0"
    radar.resize(900, 600)
    radar.grab()
    assert not radar.numbered


def test_history_follows_changes_shown_or_hidden_like_a_fresh_read(  # type: ignore[no-untyped-def]
    qtbot, pages, data_dir: Path, shipped_pack: Path
) -> None:
    """The page keeps what it read between changes and asks again only for what a change
    touched; after statuses, undone statuses, study time and a change made by another process
    (seen as a change of everything) it draws what a fresh read would."""
    from cairn.gui.history.page import HistorySource
    from cairn.tracker import Change

    tracker, operations = pages
    page = _history(qtbot, tracker, operations)
    today = tracker.now().date()
    tracker.set_plan(today - timedelta(days=70), 8)  # today is in week 11 of the charts
    week = [i.id for i in tracker.curriculum.week_items("w01")]

    def outside() -> Change:
        with Tracker.open(data_dir, shipped_pack) as other:
            other.set_status(week[3], "done")
        tracker.reload()
        return Change("all", ())

    steps = [
        lambda: tracker.set_status(week[1], "done"),
        lambda: tracker.set_statuses({week[1]: "doing", week[2]: "done"}),
        lambda: tracker.log_study(week[2], 45, started_at=datetime.combine(today, time(9))),
        lambda: tracker.set_status(week[0], "skipped"),
        outside,
        lambda: tracker.set_status(week[1], "done"),
    ]
    for number, step in enumerate(steps):
        page.setVisible(number % 2 == 0)  # hidden, it catches up when next drawn
        operations.publish(step())
        assert page.refresh(today) == HistorySource(tracker).data(today), number
    drawn = page.refresh(today)
    assert drawn.study.minutes_total == 45
    assert drawn.done_by_week[-1] == sum(1 for s in tracker.statuses().values() if s == "done")
