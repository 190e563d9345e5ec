"""What the Today page shows: which items, in which groups, in what order.

Pure functions of plain values (the curriculum, statuses, the plan's pace, readiness): no Qt, no
database, no tracker. The window only turns the result into rows and words.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from .content import Curriculum, Item, Reading, Week
from .plan import Pace
from .progress import ReadingStatus, Status
from .readiness import NextStep, ReadinessModel

STEPS_SHOWN = 5  # best next steps, and finished work waiting for evidence
READINGS_SHOWN = 5
REACH_WEEKS = 4  # next steps come from at most this many weeks ahead of the current one


class GroupKind(StrEnum):
    """The groups of the Today page, in the order they appear."""

    IN_PROGRESS = "in progress"
    THIS_WEEK = "this week"
    NEXT_STEPS = "next steps"
    EVIDENCE = "evidence"


@dataclass(frozen=True, slots=True)
class TodayGroup:
    """One group of items and its heading."""

    kind: GroupKind
    title: str
    items: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class Today:
    """Everything the Today page lists: its groups in order, the week to work in, the role the
    next steps serve ('' when none) and the readings under way."""

    week: Week
    role: str
    groups: tuple[TodayGroup, ...]
    readings: tuple[Reading, ...]

    def group(self, kind: GroupKind) -> TodayGroup | None:
        """The group of this kind, or None when the page has none."""
        return next((g for g in self.groups if g.kind == kind), None)


def _is_open(statuses: Mapping[str, str], item_id: str) -> bool:
    """To do or under way (unknown ids are to do)."""
    return statuses.get(item_id, Status.TO_DO) in (Status.TO_DO, Status.DOING)


def current_week(curriculum: Curriculum, statuses: Mapping[str, str], pace: Pace | None) -> str:
    """The week to work in: the first week with open work, or the week the plan expects you in
    when that is earlier (a learner behind the plan sees where the plan is, not only where the
    first gap is, whichever comes first)."""
    weeks = curriculum.weeks
    first_open = next(
        (
            w.id
            for w in weeks.values()
            if any(_is_open(statuses, i.id) for i in curriculum.week_items(w.id))
        ),
        next(iter(weeks)),
    )
    if pace is None or pace.state == "not started":
        return first_open
    planned = next((w.id for w in weeks.values() if w.number == pace.expected_week), first_open)
    return min(first_open, planned, key=lambda w: weeks[w].number)


def _in_progress(curriculum: Curriculum, statuses: Mapping[str, str]) -> tuple[Item, ...]:
    """Every item under way, in path order."""
    return tuple(
        i
        for m in curriculum.months
        for i in curriculum.month_items(m.id)
        if statuses.get(i.id) == Status.DOING
    )


def requirements_met(curriculum: Curriculum, statuses: Mapping[str, str], item: Item) -> bool:
    """Whether every item this one `requires` is done (ids the curriculum lacks are ignored)."""
    return all(statuses.get(r) == Status.DONE for r in item.requires if r in curriculum.items)


def _within_reach(
    curriculum: Curriculum, readiness: ReadinessModel, role: str, week: Week
) -> list[NextStep]:
    """The role's steps within reach (open work at most REACH_WEEKS ahead of `week`): work of
    weeks up to the one after `week` first, then by readiness gained per hour (ties: earlier
    week, then path order)."""
    weeks = curriculum.weeks
    steps = readiness.next_steps(role, limit=len(curriculum.items))
    order = {item_id: n for n, item_id in enumerate(curriculum.items)}

    def number(step: NextStep) -> int:
        return weeks[curriculum.items[step.item_id].week_id].number

    def rank(step: NextStep) -> tuple[int, float, int, int]:
        near = 0 if number(step) <= week.number + 1 else 1
        return (near, -round(step.gain_per_hour, 9), number(step), order[step.item_id])

    reach = [s for s in steps if s.action != "finish" or number(s) <= week.number + REACH_WEEKS]
    return sorted(reach, key=rank)


def _role_groups(
    curriculum: Curriculum,
    statuses: Mapping[str, str],
    readiness: ReadinessModel,
    role: str,
    week: Week,
    listed: set[str],
) -> list[TodayGroup]:
    """The best open work for the role that is not listed above and whose requirements are
    done, then finished work that still needs evidence."""
    ranked = _within_reach(curriculum, readiness, role, week)
    finish = [
        curriculum.items[s.item_id]
        for s in ranked
        if s.action == "finish"
        and s.item_id not in listed
        and requirements_met(curriculum, statuses, curriculum.items[s.item_id])
    ]
    proof = [curriculum.items[s.item_id] for s in ranked if s.action == "add evidence"]
    groups = [
        TodayGroup(
            GroupKind.NEXT_STEPS,
            f"Best next steps for {curriculum.roles[role].name}",
            tuple(finish[:STEPS_SHOWN]),
        )
    ]
    if proof:
        groups.append(
            TodayGroup(
                GroupKind.EVIDENCE,
                "Finished, waiting for an evidence link",
                tuple(proof[:STEPS_SHOWN]),
            )
        )
    return groups


def readings_under_way(
    curriculum: Curriculum, reading_statuses: Mapping[str, str]
) -> tuple[Reading, ...]:
    """Readings marked as being read that the curriculum still has (at most READINGS_SHOWN)."""
    found = [
        curriculum.readings[r]
        for r, s in reading_statuses.items()
        if s == ReadingStatus.READING and r in curriculum.readings
    ]
    return tuple(found[:READINGS_SHOWN])


def today(
    curriculum: Curriculum,
    statuses: Mapping[str, str],
    *,
    pace: Pace | None = None,
    readiness: ReadinessModel | None = None,
    roles: tuple[str, ...] | list[str] = (),
    reading_statuses: Mapping[str, str] | None = None,
) -> Today:
    """What to do now: work in progress, the rest of this week, the best next steps for the
    first of `roles` (the primary role first) and finished work waiting for evidence. No item
    is listed twice: a group leaves out what a group above it lists."""
    week = curriculum.weeks[current_week(curriculum, statuses, pace)]
    groups: list[TodayGroup] = []
    doing = _in_progress(curriculum, statuses)
    if doing:
        groups.append(TodayGroup(GroupKind.IN_PROGRESS, "In progress", doing))
    open_in_week = tuple(
        i
        for i in curriculum.week_items(week.id)
        if statuses.get(i.id, Status.TO_DO) == Status.TO_DO
    )
    groups.append(
        TodayGroup(GroupKind.THIS_WEEK, f"Next in week {week.number} · {week.title}", open_in_week)
    )
    role = next((r for r in roles if r in curriculum.roles), "")
    if role and readiness is not None:
        listed = {i.id for g in groups for i in g.items}
        groups.extend(_role_groups(curriculum, statuses, readiness, role, week, listed))
    return Today(
        week=week,
        role=role,
        groups=tuple(groups),
        readings=readings_under_way(curriculum, reading_statuses or {}),
    )
