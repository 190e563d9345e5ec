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
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from .content import Curriculum, Item

EVIDENCE_MISSING_CREDIT = 0.5
EVIDENCE_STEP_HOURS = 0.25  # the time it takes to attach a link to finished work


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
class NextStep:
    """An open item, or finished work lacking evidence, and the points it would add."""

    item_id: str
    title: str
    action: str  # "finish" or "add evidence"
    gain: float  # readiness points for the role
    estimate_hours: float

    @property
    def gain_per_hour(self) -> float:
        return self.gain / self.estimate_hours if self.estimate_hours else self.gain


class ReadinessModel:
    """Readiness for every role of a curriculum, given statuses and evidence."""

    def __init__(
        self, curriculum: Curriculum, statuses: Mapping[str, str], evidence: Collection[str]
    ) -> None:
        self.curriculum = curriculum
        self.statuses = statuses
        self.evidence = evidence
        self._builders: dict[str, list[Item]] = {skill: [] for skill in curriculum.skills}
        for item in curriculum.items.values():
            for skill in item.skills:
                self._builders.setdefault(skill, []).append(item)
        self._area_hours = {
            skill: sum(i.estimate_hours for i in items) for skill, items in self._builders.items()
        }

    def _credit(self, item: Item) -> float:
        return credit(item, self.statuses.get(item.id, "todo"), item.id in self.evidence)

    def area(self, skill_id: str, weight: int) -> AreaReadiness:
        items = self._builders.get(skill_id, [])
        hours_total = sum(i.estimate_hours for i in items)
        hours_credited = sum(self._credit(i) * i.estimate_hours for i in items)
        score = 100.0 * hours_credited / hours_total if hours_total else 0.0
        done = [i for i in items if self.statuses.get(i.id) == "done"]
        missing = tuple(i.title for i in done if i.is_milestone and i.id not in self.evidence)
        skipped = sum(1 for i in items if self.statuses.get(i.id) == "skipped")
        skill = self.curriculum.skills[skill_id]
        return AreaReadiness(
            skill_id,
            skill.name,
            weight,
            score,
            len(done),
            len(items),
            skipped,
            hours_credited,
            hours_total,
            missing,
        )

    def role(self, role_id: str) -> RoleReadiness:
        role = self.curriculum.roles[role_id]
        areas = tuple(self.area(a.skill_id, a.weight) for a in role.areas)
        total_weight = sum(a.weight for a in areas)
        score = sum(a.weight * a.score for a in areas) / total_weight if total_weight else 0.0
        return RoleReadiness(role.id, role.name, min(100.0, score), areas)

    def roles(self) -> list[RoleReadiness]:
        return [self.role(r) for r in self.curriculum.roles]

    def gain(self, role_id: str, item: Item, new_credit: float = 1.0) -> float:
        """Points the role would gain if this item's credit rose to `new_credit`."""
        role = self.curriculum.roles[role_id]
        total_weight = sum(a.weight for a in role.areas)
        delta = max(0.0, new_credit - self._credit(item)) * item.estimate_hours
        points = 0.0
        for area in role.areas:
            if area.skill_id in item.skills:
                hours = self._area_hours.get(area.skill_id, 0.0)
                if hours:
                    points += area.weight * 100.0 * delta / hours
        return points / total_weight if total_weight else 0.0

    def next_steps(self, role_id: str, limit: int = 10) -> list[NextStep]:
        """Open work ranked by readiness gained per estimated hour (ties: earlier week)."""
        week_number = {w.id: w.number for w in self.curriculum.weeks.values()}
        order = {item_id: n for n, item_id in enumerate(self.curriculum.items)}
        steps: list[tuple[NextStep, int, int]] = []
        for item in self.curriculum.items.values():
            status = self.statuses.get(item.id, "todo")
            if status in ("todo", "doing"):
                step = NextStep(
                    item.id, item.title, "finish", self.gain(role_id, item), item.estimate_hours
                )
            elif status == "done" and item.is_milestone and item.id not in self.evidence:
                step = NextStep(
                    item.id,
                    item.title,
                    "add evidence",
                    self.gain(role_id, item),
                    EVIDENCE_STEP_HOURS,
                )
            else:
                continue
            if step.gain > 0:
                steps.append((step, week_number.get(item.week_id, 0), order[item.id]))
        steps.sort(key=lambda s: (-round(s[0].gain_per_hour, 9), s[1], s[2]))
        return [s[0] for s in steps[:limit]]
