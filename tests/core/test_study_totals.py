"""Study totals summed by SQLite (issue 15) equal those added up from every session."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from cairn.study import stats
from cairn.tracker import Tracker
from clocks import Clock


def test_totals_summed_in_sql_equal_those_from_every_session(
    tracker: Tracker, clock: Clock
) -> None:
    start = datetime(2026, 2, 2, 23, 50)  # some sessions cross midnight: their start day counts
    for offset, minutes in enumerate([30, 45, 0, 20, 90, 15, 15, 60, 5, 120, 30, 40]):
        if minutes:
            at = start + timedelta(days=offset // 2, hours=offset % 3)
            tracker.log_study("write-hello", minutes, started_at=at)
    tracker.log_study("write-hello", 25)  # today, ending now
    sessions = tracker.sessions()
    for today in (clock().date(), date(2026, 2, 4), date(2026, 2, 8), date(2026, 3, 1)):
        assert tracker.study(today) == stats(sessions, today)
    assert tracker.study().minutes_total == sum(s.minutes for s in sessions)


def test_no_sessions_give_zero_totals(tracker: Tracker) -> None:
    assert tracker.study() == stats([], tracker.now().date())
