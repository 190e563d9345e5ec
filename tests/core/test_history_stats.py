"""The History page's numbers, without a window, on fixed dates.

The small pack's path in order: write-hello 1 h, read-guide 2 h, demo-start 2 h, write-eval 2 h,
explain-eval 0.5 h, demo-measure 2 h (9.5 h). A plan of 2 h a week from Monday 5 Jan 2026.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from tests.conftest import SMALL_PACK

from cairn.content import Curriculum, load_curriculum
from cairn.history import WEEKS_SHOWN, done_by_week, history_data, last_done_of, planned_done
from cairn.plan import PlanSettings
from cairn.store import HistoryEntry, SessionRecord
from cairn.tracker import Tracker

START = date(2026, 1, 5)
PLAN = PlanSettings(START, 2.0)


@pytest.fixture(scope="module")
def small() -> Curriculum:
    return load_curriculum([SMALL_PACK])


def _session(n: int, day: date, minutes: int) -> SessionRecord:
    return SessionRecord(n, "write-hello", datetime(day.year, day.month, day.day, 9), minutes, "")


def _entry(new: str, day: date, old: str | None = None) -> HistoryEntry:
    return HistoryEntry(old, new, datetime(day.year, day.month, day.day, 12))


def test_empty_history_without_a_plan_shows_six_months_ending_this_week(
    small: Curriculum,
) -> None:
    data = history_data(small, {}, {}, [], None, date(2026, 3, 4))  # a Wednesday
    assert data.start == date(2025, 9, 8)  # the Monday 25 weeks before Monday 2 March
    assert data.weekly_hours == [0.0] * WEEKS_SHOWN
    assert data.done_by_week == [0] * WEEKS_SHOWN
    assert data.minutes_by_day == {}
    assert data.planned_weekly is None and data.planned_done_by_week is None
    assert (data.study.minutes_total, data.study.streak_days, data.study.days_studied) == (0, 0, 0)


def test_study_minutes_fall_in_their_day_and_plan_week(small: Curriculum) -> None:
    sessions = [
        _session(1, date(2026, 1, 5), 30),
        _session(2, date(2026, 1, 5), 60),
        _session(3, date(2026, 1, 13), 45),
        _session(4, date(2025, 12, 31), 120),  # before the plan: a day, but no plan week
    ]
    data = history_data(small, {}, {}, sessions, PLAN, date(2026, 1, 14))
    assert data.start == START and data.planned_weekly == 2.0
    assert data.minutes_by_day[date(2026, 1, 5)] == 90
    assert data.weekly_hours[:3] == [1.5, 0.75, 0.0]
    assert sum(data.weekly_hours) == 2.25
    assert data.study.minutes_total == 255 and data.study.days_studied == 3


def test_the_plan_expects_whole_items_in_path_order(small: Curriculum) -> None:
    # 2 h: write-hello; 4 h: + read-guide; 6 h: + demo-start; 8 h: + write-eval and
    # explain-eval (7.5 h); 10 h: everything (9.5 h), and it stays there.
    assert planned_done(small, 2.0, 6) == [1, 2, 3, 5, 6, 6]
    data = history_data(small, {}, {}, [], PLAN, date(2026, 1, 14))
    assert data.planned_done_by_week == planned_done(small, 2.0)
    assert len(data.planned_done_by_week or []) == WEEKS_SHOWN


def test_done_items_count_from_the_week_they_were_last_finished(small: Curriculum) -> None:
    statuses = {"write-hello": "done", "write-eval": "done", "read-guide": "todo"}
    history = {
        # finished, reopened, finished again in week 3: counts from week 3
        "write-hello": [
            _entry("done", date(2026, 1, 6), "todo"),
            _entry("todo", date(2026, 1, 8), "done"),
            _entry("done", date(2026, 1, 20), "todo"),
        ],
        # kept under its old id: counts for write-eval, in week 2
        "old-eval": [_entry("done", date(2026, 1, 12))],
        # finished, then reopened: not done now, not counted
        "read-guide": [_entry("done", date(2026, 1, 6)), _entry("todo", date(2026, 1, 7))],
        # an item the curriculum no longer has
        "retired-item": [_entry("done", date(2026, 1, 6))],
    }
    data = history_data(small, statuses, last_done_of(history), [], PLAN, date(2026, 1, 21))
    assert data.done_by_week[:4] == [0, 1, 2, 2]
    assert data.done_by_week[-1] == 2


def test_work_finished_before_the_start_counts_from_week_one() -> None:
    assert done_by_week([date(2026, 1, 1), date(2026, 1, 11), date(2026, 1, 12)], START, 3) == [
        2,
        3,
        3,
    ]


def test_a_summary_needs_no_event_list_only_when_each_item_was_last_done(
    tracker: Tracker,
) -> None:
    """Markdown, HTML and print summaries read one aggregate, not every status event, and say
    exactly what they said from the full history."""
    from cairn.reports.export import render_text

    items = list(tracker.curriculum.items)
    for status in ("doing", "done", "todo", "done"):
        tracker.set_status(items[0], status)
    tracker.set_status(items[1], "done")
    full, lean = tracker.snapshot(), tracker.snapshot(with_history=False)
    assert lean.history == {} and lean.done_moments() == last_done_of(full.history)
    for fmt in ("md", "html", "pdf"):
        assert render_text(lean, fmt, now=full.now) == render_text(full, fmt, now=full.now)


def test_when_a_few_items_were_last_done_is_the_full_answer_for_them(tracker: Tracker) -> None:
    """The History page asks again only for the items a change named: the answer for those
    ids is the full aggregate's (never-done ids are absent, an id may be asked twice)."""
    items = list(tracker.curriculum.items)
    for status in ("done", "doing", "done"):
        tracker.set_status(items[0], status)
    tracker.set_status(items[1], "done")
    tracker.set_status(items[1], "skipped")
    tracker.set_status(items[2], "doing")
    full = tracker.last_done()
    asked = [items[0], items[1], items[2], items[0], "never-stored"]
    assert tracker.last_done(asked) == {i: full[i] for i in (items[0], items[1])}
    assert tracker.last_done([]) == {}
    many = [f"id-{n}" for n in range(1200)] + [items[0]]  # more than one query's variables
    assert tracker.last_done(many) == {items[0]: full[items[0]]}
