"""Frozen value objects for a loaded curriculum."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

ItemKind = Literal["topic", "task", "check", "milestone"]


class Kind(StrEnum):
    """What an item is. Members are strings, so stored ids, JSON and `item.kind == "task"`
    keep working; `Kind("nope")` raises ValueError naming the value."""

    TOPIC = "topic"
    TASK = "task"
    CHECK = "check"
    MILESTONE = "milestone"


ITEM_KINDS: tuple[Kind, ...] = (Kind.TOPIC, Kind.TASK, Kind.CHECK)  # milestones come from projects
READING_KINDS: tuple[str, ...] = ("docs", "paper", "course", "book", "video", "post")
PROJECT_LEVELS: tuple[str, ...] = ("warm-up", "intermediate", "portfolio")

KIND_LABELS: dict[str, str] = {
    Kind.TOPIC: "Topic",
    Kind.TASK: "Task",
    Kind.CHECK: "Self-check",
    Kind.MILESTONE: "Milestone",
}


@dataclass(frozen=True, slots=True)
class PackInfo:
    """One curriculum pack: the shipped one or an extension."""

    id: str
    name: str
    version: str
    description: str
    path: str
    extends: str | None = None


@dataclass(frozen=True, slots=True)
class Reading:
    id: str
    title: str
    author: str
    kind: str
    url: str
    estimate_hours: float
    topic: str = ""


@dataclass(frozen=True, slots=True)
class Skill:
    id: str
    name: str
    description: str


@dataclass(frozen=True, slots=True)
class Item:
    """A markable unit of work: a checklist item or a project milestone."""

    id: str
    kind: str
    title: str
    description: str
    estimate_hours: float
    skills: tuple[str, ...]
    readings: tuple[str, ...]
    week_id: str
    month_id: str
    aliases: tuple[str, ...] = ()
    project_id: str | None = None
    done_when: str = ""

    @property
    def is_milestone(self) -> bool:
        return self.kind == "milestone"


@dataclass(frozen=True, slots=True)
class Week:
    id: str
    number: int
    title: str
    summary: str
    month_id: str
    item_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Month:
    id: str
    number: int
    title: str
    summary: str
    week_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Project:
    id: str
    title: str
    level: str
    summary: str
    milestone_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RoleArea:
    skill_id: str
    weight: int


@dataclass(frozen=True, slots=True)
class Role:
    id: str
    name: str
    summary: str
    market_note: str
    areas: tuple[RoleArea, ...]
    short_name: str = ""

    @property
    def label(self) -> str:
        """A short name for charts."""
        return self.short_name or self.name


@dataclass(frozen=True)
class Curriculum:
    """Everything the packs declare, merged, with lookups by id."""

    packs: tuple[PackInfo, ...]
    months: tuple[Month, ...]
    weeks: dict[str, Week]
    items: dict[str, Item]
    readings: dict[str, Reading]
    skills: dict[str, Skill]
    projects: dict[str, Project]
    roles: dict[str, Role]
    aliases: dict[str, str] = field(default_factory=dict)
    content_hash: str = ""

    @property
    def version(self) -> str:
        """A human-readable version string for every loaded pack."""
        return ", ".join(f"{p.id} {p.version}" for p in self.packs)

    def week_items(self, week_id: str) -> list[Item]:
        """The checklist of a week: its items, then the milestones scheduled in it."""
        return [self.items[i] for i in self.weeks[week_id].item_ids]

    def month_items(self, month_id: str) -> list[Item]:
        month = next(m for m in self.months if m.id == month_id)
        return [item for w in month.week_ids for item in self.week_items(w)]

    def project_items(self, project_id: str) -> list[Item]:
        return [self.items[i] for i in self.projects[project_id].milestone_ids]

    def projects_in_order(self) -> list[Project]:
        """Projects by the week of their first milestone."""
        numbers = {w.id: w.number for w in self.weeks.values()}
        return sorted(
            self.projects.values(),
            key=lambda p: min(
                (numbers.get(self.items[m].week_id, 0) for m in p.milestone_ids), default=0
            ),
        )

    def month_of_number(self, number: int) -> Month | None:
        return next((m for m in self.months if m.number == number), None)

    def month_by_id(self, month_id: str) -> Month:
        return next(m for m in self.months if m.id == month_id)

    def items_for_skill(self, skill_id: str) -> list[Item]:
        return [i for i in self.items.values() if skill_id in i.skills]

    def resolve(self, content_id: str) -> str:
        """Map an old (aliased) id to the id that replaced it; other ids pass through."""
        return self.aliases.get(content_id, content_id)
