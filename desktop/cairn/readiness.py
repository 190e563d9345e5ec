"""Readiness per target role: a pure function of the curriculum and the learner's progress.

How a score is made (the README explains it with a worked example):

1. Each item or milestone earns a *credit* between 0 and 1:
   done → 1; a done milestone without an evidence link → ½ (employers weigh proof over
   checkmarks); doing, to do and skipped → 0 (only finished work counts; a skipped item stays in
   the total, so skipping never raises a score).
2. A skill area's score is the hour-weighted share of its work that has earned credit:
   100 × Σ(credit × estimated hours) ÷ Σ(estimated hours), over every item that builds the area.
3. A role's score is the weighted mean of its areas' scores, with the role's weights (which add
   up to 100). The same finished item counts toward every area and role it builds.

Speed (issue 15): a model is a snapshot of one moment, so it works everything out once. Area
tallies are kept per skill; next steps rank open items grouped by the skills they build, so a
role's ranking costs one look per group of alike items plus one per step shown, not one gain
per item (see `readiness_steps.Ranking`).
"""

from __future__ import annotations

import weakref
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from .content import Curriculum, Item
from .readiness_steps import (
    EVIDENCE_MISSING_CREDIT,
    EVIDENCE_STEP_HOURS,
    OPEN_STATUSES,
    PATCH_LIMIT,
    TAME_AREA_HOURS,
    TAME_WEIGHT,
    UNIT_ROUNDOFF,
    NextStep,
    OpenWork,
    Ranking,
    RoleTerms,
    all_open,
    moved_open_work,
)

__all__ = [
    "EVIDENCE_MISSING_CREDIT",
    "EVIDENCE_STEP_HOURS",
    "OPEN_STATUSES",
    "AreaReadiness",
    "NextStep",
    "ReadinessModel",
    "RoleReadiness",
    "credit",
]


def credit(item: Item, status: str, has_evidence: bool) -> float:
    """The share of an item's hours that counts as skill shown (0, ½ or 1)."""
    if status != "done":
        return 0.0
    if item.is_milestone and not has_evidence:
        return EVIDENCE_MISSING_CREDIT
    return 1.0


@dataclass(frozen=True, slots=True)
class AreaReadiness:
    """One skill area of a role: its weight, its score and what counted."""

    skill_id: str
    name: str
    weight: int
    score: float  # 0–100
    done: int
    total: int
    skipped: int
    hours_credited: float
    hours_total: float
    missing_evidence: tuple[str, ...]  # titles of done milestones without a link

    @property
    def contribution(self) -> float:
        """Points this area adds to the role's score."""
        return self.weight * self.score / 100.0

    def details(self) -> str:
        """What counted and what is missing, without the area's name."""
        text = (
            f"{self.done} of {self.total} item{'s' if self.total != 1 else ''} done "
            f"({self.hours_credited:g} of {self.hours_total:g} h counted)"
        )
        notes = []
        if self.missing_evidence:
            names = ", ".join(f"“{t}”" for t in self.missing_evidence[:3])
            more = len(self.missing_evidence) - 3
            notes.append(
                f"{names}{f' and {more} more' if more > 0 else ''} "
                f"{'has' if len(self.missing_evidence) == 1 else 'have'} no evidence "
                "yet (counted at half)"
            )
        if self.skipped:
            notes.append(f"{self.skipped} skipped (not counted)")
        return text + ("; " + "; ".join(notes) if notes else "")

    def explanation(self) -> str:
        """The area in words: its weight, score, what counted and what is missing."""
        return f"{self.name} {self.weight}%: area score {self.score:.0f}; {self.details()}"


@dataclass(frozen=True, slots=True)
class RoleReadiness:
    role_id: str
    name: str
    score: float  # 0–100
    areas: tuple[AreaReadiness, ...]


@dataclass(frozen=True, slots=True)
class _Tally:
    """What one skill area counts, the same for every role that weighs it."""

    score: float
    done: int
    total: int
    skipped: int
    hours_credited: float
    hours_total: float
    missing_evidence: tuple[str, ...]


@dataclass
class _Layout:
    """What readiness needs of a curriculum that no status changes (the items building each
    skill, their hours, each role's terms), worked out once per curriculum, not once per
    model (a model is made after every change); and what the latest model of it knows
    (`latest`), which the next model takes over where no item it depends on changed."""

    builders: dict[str, list[Item]]
    area_hours: dict[str, float]
    order: dict[str, int]  # each item's place in the path
    terms: dict[str, RoleTerms] = field(default_factory=dict)
    latest: _Known | None = None


@dataclass(frozen=True)
class _Known:
    """A model's statuses and evidence with the tallies and roles it has worked out so far
    (the dicts fill as it answers). Holds no curriculum, so a layout never keeps one alive."""

    statuses: Mapping[str, str]
    evidence: frozenset[str]
    tallies: dict[str, _Tally]
    roles: dict[str, RoleReadiness]
    open_work: list[OpenWork] = field(default_factory=list)  # once worked out


_LAYOUTS: dict[int, tuple[weakref.ref[Curriculum], _Layout]] = {}


def _layout(curriculum: Curriculum) -> _Layout:
    """The curriculum's layout, kept while the curriculum lives (a curriculum never changes:
    new content is a new object)."""
    found = _LAYOUTS.get(id(curriculum))
    if found is not None and found[0]() is curriculum:
        return found[1]
    builders: dict[str, list[Item]] = {skill: [] for skill in curriculum.skills}
    for item in curriculum.items.values():
        for skill in item.skills:
            builders.setdefault(skill, []).append(item)
    hours = {skill: sum(i.estimate_hours for i in items) for skill, items in builders.items()}
    layout = _Layout(builders, hours, {item_id: n for n, item_id in enumerate(curriculum.items)})
    key = id(curriculum)
    _LAYOUTS[key] = (weakref.ref(curriculum, lambda _ref: _LAYOUTS.pop(key, None)), layout)
    return layout


class ReadinessModel:
    """Readiness for every role of a curriculum, given statuses and evidence.

    A model is a snapshot: it copies the statuses and evidence it is given and works each
    answer out once (build a new model after a change)."""

    def __init__(
        self, curriculum: Curriculum, statuses: Mapping[str, str], evidence: Collection[str]
    ) -> None:
        self.curriculum = curriculum
        self.statuses: Mapping[str, str] = dict(statuses)
        self.evidence: frozenset[str] = frozenset(evidence)
        self._tallies: dict[str, _Tally] = {}
        self._roles: dict[str, RoleReadiness] = {}
        self._steps: dict[tuple[str, int], tuple[NextStep, ...]] = {}
        self._carried = False  # the latest model's answers taken over (on first need)
        self._known: _Known | None = None  # what this model tells the next one
        self._before: _Known | None = None  # the model before, until the open work is made
        self._changed: set[str] = set()  # items whose status or evidence differs from it

    @cached_property
    def _layout(self) -> _Layout:
        return _layout(self.curriculum)

    @cached_property
    def _builders(self) -> dict[str, list[Item]]:
        return self._layout.builders

    @cached_property
    def _area_hours(self) -> dict[str, float]:
        return self._layout.area_hours

    @cached_property
    def _terms(self) -> dict[str, RoleTerms]:
        return self._layout.terms

    def _carry(self) -> None:
        """Take over the tallies and roles of the latest model of this curriculum that no
        changed status or evidence touches (a change moves a few skills, not all of them),
        then become the latest model."""
        self._carried = True
        layout = self._layout
        before = layout.latest
        self._known = _Known(self.statuses, self.evidence, self._tallies, self._roles)
        layout.latest = self._known
        if before is None:
            return
        changed = {i for i, _status in before.statuses.items() ^ self.statuses.items()}
        changed.update(before.evidence ^ self.evidence)
        self._before, self._changed = before, changed  # for the open work, when asked
        items = self.curriculum.items
        moved = {skill for i in changed if (item := items.get(i)) for skill in item.skills}
        self._tallies.update((s, t) for s, t in before.tallies.items() if s not in moved)
        roles = self.curriculum.roles
        for role_id, found in before.roles.items():
            role = roles.get(role_id)
            if role is not None and not any(a.skill_id in moved for a in role.areas):
                self._roles[role_id] = found

    def _credit(self, item: Item) -> float:
        return credit(item, self.statuses.get(item.id, "todo"), item.id in self.evidence)

    def _tally(self, skill_id: str) -> _Tally:
        if not self._carried:
            self._carry()
        found = self._tallies.get(skill_id)
        if found is not None:
            return found
        items = self._builders.get(skill_id, [])
        statuses, evidence = self.statuses, self.evidence
        hours: list[float] = []
        credited: list[float] = []  # summed in this order, as the score has always been
        done = skipped = 0
        missing: list[str] = []
        for item in items:
            status = statuses.get(item.id, "todo")
            proven = item.id in evidence
            hours.append(item.estimate_hours)
            credited.append(credit(item, status, proven) * item.estimate_hours)
            if status == "done":
                done += 1
                if item.is_milestone and not proven:
                    missing.append(item.title)
            elif status == "skipped":
                skipped += 1
        hours_total = sum(hours)
        hours_credited = sum(credited)
        score = 100.0 * hours_credited / hours_total if hours_total else 0.0
        tally = _Tally(
            score, done, len(items), skipped, hours_credited, hours_total, tuple(missing)
        )
        self._tallies[skill_id] = tally
        return tally

    def area(self, skill_id: str, weight: int) -> AreaReadiness:
        tally = self._tally(skill_id)
        skill = self.curriculum.skills[skill_id]
        return AreaReadiness(
            skill_id,
            skill.name,
            weight,
            tally.score,
            tally.done,
            tally.total,
            tally.skipped,
            tally.hours_credited,
            tally.hours_total,
            tally.missing_evidence,
        )

    def role(self, role_id: str) -> RoleReadiness:
        if not self._carried:
            self._carry()
        found = self._roles.get(role_id)
        if found is not None:
            return found
        role = self.curriculum.roles[role_id]
        areas = tuple(self.area(a.skill_id, a.weight) for a in role.areas)
        total_weight = sum(a.weight for a in areas)
        score = sum(a.weight * a.score for a in areas) / total_weight if total_weight else 0.0
        found = self._roles[role_id] = RoleReadiness(role.id, role.name, min(100.0, score), areas)
        return found

    def roles(self) -> list[RoleReadiness]:
        return [self.role(r) for r in self.curriculum.roles]

    def _role_terms(self, role_id: str) -> RoleTerms:
        found = self._terms.get(role_id)
        if found is not None:
            return found
        role = self.curriculum.roles[role_id]
        total_weight = sum(a.weight for a in role.areas)
        area_hours = self._area_hours
        areas = []
        for area in role.areas:
            hours = area_hours.get(area.skill_id, 0.0)
            if hours:
                areas.append((area.skill_id, area.weight * 100.0, hours))
        grouped = (
            total_weight > 0
            and all(0 <= a.weight <= TAME_WEIGHT for a in role.areas)
            and all(0 < hours <= TAME_AREA_HOURS for _, _, hours in areas)
        )
        slack = 4 * (len(role.areas) + 4) * UNIT_ROUNDOFF
        found = self._terms[role_id] = RoleTerms(total_weight, tuple(areas), grouped, slack)
        return found

    def gain(self, role_id: str, item: Item, new_credit: float = 1.0) -> float:
        """Points the role would gain if this item's credit rose to `new_credit`."""
        terms = self._role_terms(role_id)
        delta = max(0.0, new_credit - self._credit(item)) * item.estimate_hours
        return terms.gain(item.skills, delta)

    @cached_property
    def _open(self) -> OpenWork:
        if not self._carried:
            self._carry()
        before, self._before = self._before, None
        work = None
        if before is not None and before.open_work and len(self._changed) <= PATCH_LIMIT:
            work = moved_open_work(
                before.open_work[0],
                self.curriculum,
                self._layout.order,
                (before.statuses, before.evidence),
                (self.statuses, self.evidence),
                self._changed,
            )
        if work is None:
            work = all_open(self.curriculum, self.statuses, self.evidence)
        assert self._known is not None  # made by _carry
        self._known.open_work[:] = [work]  # for the next model
        return work

    def next_steps(self, role_id: str, limit: int = 10) -> list[NextStep]:
        """Open work ranked by readiness gained per estimated hour (ties: earlier week)."""
        found = self._steps.get((role_id, limit))
        if found is None:
            if self._open.count:
                terms = self._role_terms(role_id)
                steps = Ranking(self._open, self._credit, terms, limit).steps()
            else:
                steps = []
            found = self._steps[(role_id, limit)] = tuple(steps)
        return list(found)
