"""Study time: totals, streaks, minutes per day and hours per week, from recorded sessions.

Pure functions; today's date is always passed in."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .records import SessionRecord


@dataclass(frozen=True, slots=True)
class StudyStats:
    minutes_total: int
    minutes_this_week: int  # Monday to today
    minutes_last_four_weeks: int
    streak_days: int  # consecutive days with study, ending today (or yesterday)
    longest_streak: int
    days_studied: int


def minutes_per_day(sessions: Iterable[SessionRecord]) -> dict[date, int]:
    days: dict[date, int] = defaultdict(int)
    for session in sessions:
        days[session.started_at.date()] += session.minutes
    return dict(days)


def _streaks(days: Mapping[date, int], today: date) -> tuple[int, int]:
    studied = sorted(d for d, m in days.items() if m > 0)
    longest = run = 0
    previous: date | None = None
    for day in studied:
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        longest = max(longest, run)
        previous = day
    current = 0
    cursor = today if days.get(today, 0) > 0 else today - timedelta(days=1)
    while days.get(cursor, 0) > 0:
        current += 1
        cursor -= timedelta(days=1)
    return current, longest


def stats(sessions: Iterable[SessionRecord], today: date) -> StudyStats:
    days = minutes_per_day(sessions)
    monday = today - timedelta(days=today.weekday())
    four_weeks = today - timedelta(days=27)
    current, longest = _streaks(days, today)
    return StudyStats(
        minutes_total=sum(days.values()),
        minutes_this_week=sum(m for d, m in days.items() if monday <= d <= today),
        minutes_last_four_weeks=sum(m for d, m in days.items() if four_weeks <= d <= today),
        streak_days=current,
        longest_streak=longest,
        days_studied=sum(1 for m in days.values() if m > 0),
    )


def hours_per_week(sessions: Iterable[SessionRecord], start: date, weeks: int) -> list[float]:
    """Hours studied in each plan week (week 1 starts on `start`)."""
    totals = [0.0] * weeks
    for session in sessions:
        index = (session.started_at.date() - start).days // 7
        if 0 <= index < weeks:
            totals[index] += session.minutes / 60
    return [round(t, 2) for t in totals]


def finished_per_day(done_at: Iterable[datetime]) -> list[tuple[date, int]]:
    """Cumulative items finished by each day that something was finished (for a burn-up)."""
    per_day: dict[date, int] = defaultdict(int)
    for moment in done_at:
        per_day[moment.date()] += 1
    running = 0
    points = []
    for day in sorted(per_day):
        running += per_day[day]
        points.append((day, running))
    return points
