"""Pace and plan: pure functions of the curriculum, the learner's progress, their plan (start
date, hours per week) and today's date — the clock is always passed in.

- The plan expects `hours_per_week` of the curriculum's estimated work each week from the start
  date, so the *expected* share of the path done by a date is hours expected ÷ hours in all.
- *Done* work is the estimated hours of finished items and milestones.
- The *pace* is done hours per week since the start; the forecast finish is today plus the
  remaining hours at that pace.
- *On track* means within half a week's planned hours of the plan; otherwise ahead or behind,
  and behind says how many hours would catch up.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from .content import Curriculum

ON_TRACK_WEEKS = 0.5


@dataclass(frozen=True, slots=True)
class PlanSettings:
    start: date
    hours_per_week: float


@dataclass(frozen=True, slots=True)
class Pace:
    """Where the learner is against their plan on a given day."""

    today: date
    start: date
    hours_per_week: float
    total_hours: float
    done_hours: float
    expected_hours: float
    expected_week: int  # the curriculum week the plan expects the learner to be in
    pace_per_week: float  # done hours per week since the start
    forecast_finish: date | None  # at the current pace; None before any work is done
    planned_finish: date
    state: str  # "ahead", "on track", "behind", or "not started"
    catch_up_hours: float  # hours to get back on plan (0 unless behind)

    @property
    def expected_percent(self) -> float:
        return round(100.0 * self.expected_hours / self.total_hours, 1) if self.total_hours else 0.0

    @property
    def done_percent(self) -> float:
        return round(100.0 * self.done_hours / self.total_hours, 1) if self.total_hours else 0.0

    def sentence(self) -> str:
        """The state in words."""
        if self.state == "not started":
            return f"Your plan starts on {self.start:%d %b %Y}."
        if self.state == "behind":
            behind = f"Behind plan by {self.catch_up_hours:.1f} h"
            if self.pace_per_week <= 0:
                return behind + "."
            weeks = self.catch_up_hours / self.pace_per_week
            return (
                f"{behind}: about {weeks:.1f} "
                f"{'week' if round(weeks, 1) == 1 else 'weeks'} of work at your pace."
            )
        if self.state == "ahead":
            return f"Ahead of plan by {self.done_hours - self.expected_hours:.1f} h."
        return "On track with your plan."


FORECAST_YEARS = 100  # a finish further away than this is no forecast


def _later(day: date, days: float) -> date | None:
    """`day` plus `days`, or None when that is more than FORECAST_YEARS away (or past the
    calendar's end): a pace that slow forecasts nothing."""
    if days != days or days > FORECAST_YEARS * 366:  # NaN too
        return None
    try:
        return day + timedelta(days=round(days))
    except OverflowError:
        return None


def total_hours(curriculum: Curriculum) -> float:
    return sum(i.estimate_hours for i in curriculum.items.values())


def expected_week(curriculum: Curriculum, expected_hours: float) -> int:
    """The week whose cumulative planned hours first reach `expected_hours`."""
    cumulative = 0.0
    last = 1
    for week in curriculum.weeks.values():
        last = week.number
        cumulative += sum(i.estimate_hours for i in curriculum.week_items(week.id))
        if cumulative > expected_hours:
            return week.number
    return last


def pace(
    curriculum: Curriculum, statuses: Mapping[str, str], settings: PlanSettings, today: date
) -> Pace:
    """The learner's pace and position against their plan on `today`."""
    total = total_hours(curriculum)
    done = sum(i.estimate_hours for i in curriculum.items.values() if statuses.get(i.id) == "done")
    weekly = max(settings.hours_per_week, 0.1)
    days = (today - settings.start).days
    expected = min(total, max(0.0, days / 7 * weekly))
    planned_finish = _later(settings.start, total / weekly * 7) or date.max
    weeks_elapsed = max(days / 7, 1.0)
    rate = done / weeks_elapsed if days >= 0 else 0.0
    remaining = total - done
    forecast = _later(today, remaining / rate * 7) if rate > 0 else None
    if remaining <= 0:
        forecast = today
    margin = ON_TRACK_WEEKS * weekly
    if days < 0:
        state = "not started"
    elif done - expected > margin:
        state = "ahead"
    elif expected - done > margin:
        state = "behind"
    else:
        state = "on track"
    catch_up = max(0.0, expected - done) if state == "behind" else 0.0
    return Pace(
        today,
        settings.start,
        settings.hours_per_week,
        total,
        done,
        expected,
        expected_week(curriculum, expected),
        rate,
        forecast,
        planned_finish,
        state,
        catch_up,
    )
