"""The numbers of the History page: study per day and per plan week, items finished per week
against what the plan expects (a burn-up), and study totals and streaks.

Pure functions of plain values (curriculum, statuses, status history, study sessions, the plan,
today's date): no Qt, no database, no tracker.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import accumulate
from typing import TYPE_CHECKING

from .content import Curriculum
from .plan import PlanSettings
from .progress import Status
from .study import StudyStats, hours_per_week, minutes_per_day, stats

if TYPE_CHECKING:
    from .records import HistoryEntry, SessionRecord

WEEKS_SHOWN = 26  # about six months


@dataclass(frozen=True)
class HistoryData:
    """Everything the History page draws, computed once (tests check it without painting).

    Week lists have WEEKS_SHOWN entries; week 1 starts on `start`."""

    start: date
    today: date
    minutes_by_day: dict[date, int]
    weekly_hours: list[float]
    planned_weekly: float | None
    done_by_week: list[int]
    planned_done_by_week: list[int] | None
    study: StudyStats


def last_done_of(history: Mapping[str, Sequence[HistoryEntry]]) -> dict[str, datetime]:
    """When each stored id was last marked done, from its full history (the database answers
    the same question with one aggregate: `Database.last_done`)."""
    found: dict[str, datetime] = {}
    for item_id, entries in history.items():
        done = [e.changed_at for e in entries if e.new_status == Status.DONE]
        if done:
            found[item_id] = max(done)
    return found


def finish_dates(
    curriculum: Curriculum,
    statuses: Mapping[str, str],
    done_at: Mapping[str, datetime],
) -> list[date]:
    """When each item that is done now was last marked done (`done_at`: stored id → the last
    time it was marked done). History kept under an old id counts for the item that id now
    names; retired items and items no longer done do not."""
    finished: list[date] = []
    for item_id, moment in done_at.items():
        current = curriculum.resolve(item_id)
        if current in curriculum.items and statuses.get(current) == Status.DONE:
            finished.append(moment.date())
    return finished


def done_by_week(finished: Iterable[date], start: date, weeks: int = WEEKS_SHOWN) -> list[int]:
    """Items finished by the end of each plan week (work finished before `start` counts from
    week 1)."""
    days = sorted((d - start).days for d in finished)
    return [bisect_left(days, 7 * (week + 1)) for week in range(weeks)]


def planned_done(
    curriculum: Curriculum, hours_a_week: float, weeks: int = WEEKS_SHOWN
) -> list[int]:
    """Items the plan expects finished by the end of each week: the path in order, as far as
    the hours budgeted so far cover whole items."""
    order = [i for m in curriculum.months for i in curriculum.month_items(m.id)]
    cumulative = list(accumulate(item.estimate_hours for item in order))
    return [bisect_right(cumulative, hours_a_week * (week + 1) + 1e-9) for week in range(weeks)]


def history_data(
    curriculum: Curriculum,
    statuses: Mapping[str, str],
    done_at: Mapping[str, datetime],
    sessions: Sequence[SessionRecord],
    settings: PlanSettings | None,
    today: date,
    *,
    weeks: int = WEEKS_SHOWN,
) -> HistoryData:
    """The History page's numbers over `weeks` weeks. With a plan, week 1 is the plan's start;
    without one, the charts cover the weeks ending with this week and have no planned line."""
    monday = today - timedelta(days=today.weekday())
    start = settings.start if settings else monday - timedelta(weeks=weeks - 1)
    return HistoryData(
        start=start,
        today=today,
        minutes_by_day=minutes_per_day(sessions),
        weekly_hours=hours_per_week(sessions, start, weeks),
        planned_weekly=settings.hours_per_week if settings else None,
        done_by_week=done_by_week(finish_dates(curriculum, statuses, done_at), start, weeks),
        planned_done_by_week=planned_done(curriculum, settings.hours_per_week, weeks)
        if settings
        else None,
        study=stats(sessions, today),
    )
