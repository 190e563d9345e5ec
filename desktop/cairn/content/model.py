"""Frozen value objects for a loaded curriculum."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cached_property
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
    max_week_hours: float | None = None


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
    optional_readings: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()

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
    readings: tuple[str, ...] = ()  # further study for the whole week, not counted in hours


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


@dataclass(frozen=True, slots=True)
class ChoiceOption:
    """One option of a choice group: the items a learner takes on by choosing it."""

    id: str
    title: str
    summary: str
    item_ids: tuple[str, ...]
    group_id: str


@dataclass(frozen=True, slots=True)
class ChoiceGroup:
    """Alternatives the path offers (electives): the learner chooses `choose` of the options;
    the options not chosen leave every total."""

    id: str
    title: str
    summary: str
    choose: int
    week_id: str  # the week the choice is due
    options: tuple[ChoiceOption, ...]

    def option(self, option_id: str) -> ChoiceOption | None:
        return next((o for o in self.options if o.id == option_id), None)


CARD_KINDS: tuple[str, ...] = ("recall", "drill")
#: The id prefix of the learner's own cards ("own-<n>"); shipped cards may not use it.
OWN_CARD_PREFIX = "own-"


@dataclass(frozen=True, slots=True)
class Card:
    """A practice card: a prompt and a model answer (Markdown) belonging to an item, which
    unlocks it when done. A drill card also names roles, a rubric and minutes to answer aloud."""

    id: str
    item_id: str
    prompt: str
    answer: str
    tags: tuple[str, ...] = ()
    kind: str = "recall"  # "recall" | "drill"
    roles: tuple[str, ...] = ()
    rubric: tuple[str, ...] = ()
    minutes: int = 0
    own: bool = False  # made by the learner, stored in the database (id "own-<n>")

    @property
    def is_drill(self) -> bool:
        return self.kind == "drill"


Chosen = Mapping[str, Sequence[str]]  # choice group id -> the option ids chosen


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
    choices: dict[str, ChoiceGroup] = field(default_factory=dict)
    cards: dict[str, Card] = field(default_factory=dict)  # in file order, shipped pack first

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

    # --- practice cards ---------------------------------------------------------------------
    @cached_property
    def cards_by_item(self) -> dict[str, tuple[Card, ...]]:
        """The cards of each item (items without cards are absent)."""
        found: dict[str, list[Card]] = {}
        for card in self.cards.values():
            found.setdefault(card.item_id, []).append(card)
        return {item_id: tuple(cards) for item_id, cards in found.items()}

    # --- choice groups ---------------------------------------------------------------------
    @cached_property
    def option_of(self) -> dict[str, ChoiceOption]:
        """The option each elective item belongs to (items outside every group are absent)."""
        return {i: o for g in self.choices.values() for o in g.options for i in o.item_ids}

    def option_hours(self, option: ChoiceOption) -> float:
        return sum(self.items[i].estimate_hours for i in option.item_ids if i in self.items)

    def counted_options(self, group: ChoiceGroup, chosen: Sequence[str] = ()) -> list[ChoiceOption]:
        """The options that count: the chosen ones, topped up with the cheapest others until
        the group has `choose` of them (so an open choice counts as its cheapest option)."""
        picked = [o for o in group.options if o.id in chosen][: group.choose]
        rest = sorted(
            (o for o in group.options if o not in picked), key=lambda o: self.option_hours(o)
        )
        return picked + rest[: group.choose - len(picked)]

    def counted(self, chosen: Chosen) -> Curriculum:
        """This curriculum without the items of options that do not count: what every total,
        percentage, readiness score, plan and report is computed from. Without choice groups
        it is this curriculum itself."""
        if not self.choices:
            return self
        left_out = {
            item_id
            for group in self.choices.values()
            for option in group.options
            if option not in self.counted_options(group, chosen.get(group.id, ()))
            for item_id in option.item_ids
        }
        if not left_out:
            return self
        weeks = {
            k: replace(w, item_ids=tuple(i for i in w.item_ids if i not in left_out))
            for k, w in self.weeks.items()
        }
        projects = {
            k: replace(p, milestone_ids=tuple(i for i in p.milestone_ids if i not in left_out))
            for k, p in self.projects.items()
        }
        items = {k: v for k, v in self.items.items() if k not in left_out}
        return replace(self, weeks=weeks, projects=projects, items=items)
