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
per item (see `_Ranking`).
"""

from __future__ import annotations

import bisect
import heapq
import math
import weakref
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from itertools import islice

from .content import Curriculum, Item

EVIDENCE_MISSING_CREDIT = 0.5
EVIDENCE_STEP_HOURS = 0.25  # the time it takes to attach a link to finished work
OPEN_STATUSES = ("todo", "doing")
# Estimates and weights inside these bounds keep every gain a plain product of normal floats,
# which the grouped ranking relies on (a pack outside them is ranked item by item instead).
TAME_HOURS = (1e-6, 1e9)
#: Changed items up to which a model moves the latest model's open work instead of sorting
#: every item out again.
PATCH_LIMIT = 64
TAME_WEIGHT = 1e6
TAME_AREA_HOURS = 1e15
UNIT_ROUNDOFF = 2.0**-53


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


_Entry = tuple[int, int, Item, str]  # (week number, path order, item, action)
_Key = tuple[float, int, int]  # how steps have always been sorted: best gain per hour first
_Candidate = tuple[_Key, NextStep | None, _Entry]  # None: a grouped item, its step made last
_Group = tuple[int, list[_Entry]]  # (key: hours factor number, skills bit mask; entries in order)


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


@dataclass(frozen=True, slots=True)
class _RoleTerms:
    """A role's share of an item's gain: per area with hours, (skill, weight × 100, hours)."""

    total_weight: float
    areas: tuple[tuple[str, float, float], ...]
    grouped: bool  # its weights and hours are tame enough for the grouped ranking
    slack: float  # bound on the relative rounding error of a gain per hour (see `_Ranking`)

    def gain(self, skills: Collection[str], delta: float) -> float:
        """Points the role gains when an item building `skills` earns `delta` more hours."""
        points = 0.0
        for skill, scaled_weight, hours in self.areas:
            if skill in skills:
                points += scaled_weight * delta / hours
        return points / self.total_weight if self.total_weight else 0.0


@dataclass(frozen=True, slots=True)
class _OpenWork:
    """A model's open work, sorted out once for every role.

    Open items with a tame estimate are grouped by the skills they build (a bit mask) and their
    hours factor (credit gained × estimate ÷ the step's hours: 1 to finish, 2 × estimate to add
    evidence), each group in week and path order, and indexed by each skill they build. Items
    with an odd estimate are ranked one by one; items whose estimate is 0 never gain."""

    count: int  # every open item, even those that can never gain
    bits: dict[str, int]  # a bit per skill; a group's key holds its skills' bits ...
    shift: int  # ... and, from this bit on, the number of its hours factor
    factors: list[float]
    groups: list[_Group]
    by_skill: dict[int, list[_Group]]
    singles: list[_Entry]


class _Ranking:
    """One role's next steps, exactly as sorting every open item by its gain would give.

    For a grouped item, gain per hour = Σ(weight × 100 ÷ area hours) ÷ total weight × the
    group's hours factor, mathematically the same for every item of a group and the skills it
    shares with the role (a bucket): c. Computed in floats it stays within `slack × c` of c, and
    `round(·, 9)` never reverses an order, so every item of a bucket sorts between
    round(c × (1 − slack), 9) and round(c × (1 + slack), 9). That bounds whole buckets: one
    below the first `limit` items' lower bound is left out unlooked at; one whose two bounds are
    equal (nearly always) sorts its items alike, by week then path order, so its first `limit`
    items are all it can offer. Only the steps shown get their exact gain; buckets straddling a
    rounding boundary and single items are worked out item by item."""

    def __init__(self, model: ReadinessModel, terms: _RoleTerms, limit: int) -> None:
        self.model = model
        self.terms = terms
        self.limit = limit
        self.candidates: list[_Candidate] = []

    def steps(self) -> list[NextStep]:
        work = self.model._open
        for entry in work.singles:
            self._add_exact(entry)
        if self.terms.grouped and self.limit >= 0:
            self._add_buckets(work)
        else:
            for _, entries in work.groups:
                for entry in entries:
                    self._add_exact(entry)
        if 0 <= self.limit < len(self.candidates):
            chosen = heapq.nsmallest(self.limit, self.candidates, key=_sort_key)
        else:
            chosen = sorted(self.candidates, key=_sort_key)[: self.limit]
        return [step if step is not None else self._step(entry) for _, step, entry in chosen]

    def _step(self, entry: _Entry) -> NextStep:
        item, action = entry[2], entry[3]
        delta = max(0.0, 1.0 - self.model._credit(item)) * item.estimate_hours
        hours = item.estimate_hours if action == "finish" else EVIDENCE_STEP_HOURS
        return NextStep(item.id, item.title, action, self.terms.gain(item.skills, delta), hours)

    def _add_exact(self, entry: _Entry) -> None:
        step = self._step(entry)
        if step.gain > 0:
            key = (-round(step.gain_per_hour, 9), entry[0], entry[1])
            self.candidates.append((key, step, entry))

    def _buckets(self, work: _OpenWork) -> list[tuple[float, int, list[list[_Entry]]]]:
        """The role's buckets, best first: (c, how many items, their groups' entries)."""
        terms = self.terms
        rates = [(work.bits.get(skill, 0), weight / hours) for skill, weight, hours in terms.areas]
        role_mask = 0
        for bit, _ in rates:
            role_mask |= bit
        keep = role_mask | -(1 << work.shift)  # the role's skills and every factor bit
        shared_by: dict[int, tuple[list[int], list[list[_Entry]]]] = {}
        earlier = 0  # a group building several of the role's skills is met once
        for bit, _ in rates:
            if bit & earlier or not bit:
                continue
            for key, entries in work.by_skill.get(bit, ()):
                if not key & earlier:
                    shared = key & keep
                    found = shared_by.get(shared)
                    if found is None:
                        shared_by[shared] = ([len(entries)], [entries])
                    else:
                        found[0][0] += len(entries)
                        found[1].append(entries)
            earlier |= bit
        skills_part = (1 << work.shift) - 1
        per_hour_of: dict[int, float] = {}
        buckets = []
        for shared, (size, groups) in shared_by.items():
            mask = shared & skills_part
            per_hour = per_hour_of.get(mask)
            if per_hour is None:
                rate = sum(rate for bit, rate in rates if bit & mask)
                per_hour = per_hour_of[mask] = rate / terms.total_weight
            if per_hour > 0:
                buckets.append((per_hour * work.factors[shared >> work.shift], size[0], groups))
        buckets.sort(key=lambda b: b[0], reverse=True)
        return buckets

    def _add_buckets(self, work: _OpenWork) -> None:
        slack = self.terms.slack
        buckets = self._buckets(work)
        threshold = -math.inf
        seen = 0
        for per_hour, size, _ in buckets:
            seen += size
            if seen >= self.limit:
                threshold = round(per_hour * (1.0 - slack), 9)
                break
        for per_hour, _, groups in buckets:
            high = round(per_hour * (1.0 + slack), 9)
            if high < threshold:
                break  # this bucket and every later one sort below `limit` items
            low = round(per_hour * (1.0 - slack), 9)
            entries: Iterable[_Entry] = heapq.merge(*groups) if len(groups) > 1 else groups[0]
            if low == high:
                for entry in islice(entries, self.limit):
                    self.candidates.append(((-low, entry[0], entry[1]), None, entry))
            else:
                for entry in entries:
                    self._add_exact(entry)


@dataclass
class _Layout:
    """What readiness needs of a curriculum that no status changes (the items building each
    skill, their hours, each role's terms), worked out once per curriculum, not once per
    model (a model is made after every change); and what the latest model of it knows
    (`latest`), which the next model takes over where no item it depends on changed."""

    builders: dict[str, list[Item]]
    area_hours: dict[str, float]
    order: dict[str, int]  # each item's place in the path
    terms: dict[str, _RoleTerms] = field(default_factory=dict)
    latest: _Known | None = None


@dataclass(frozen=True)
class _Known:
    """A model's statuses and evidence with the tallies and roles it has worked out so far
    (the dicts fill as it answers). Holds no curriculum, so a layout never keeps one alive."""

    statuses: Mapping[str, str]
    evidence: frozenset[str]
    tallies: dict[str, _Tally]
    roles: dict[str, RoleReadiness]
    open_work: list[_OpenWork] = field(default_factory=list)  # once worked out


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


def _sort_key(candidate: _Candidate) -> _Key:
    return candidate[0]


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
    def _terms(self) -> dict[str, _RoleTerms]:
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

    def _role_terms(self, role_id: str) -> _RoleTerms:
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
        found = self._terms[role_id] = _RoleTerms(total_weight, tuple(areas), grouped, slack)
        return found

    def gain(self, role_id: str, item: Item, new_credit: float = 1.0) -> float:
        """Points the role would gain if this item's credit rose to `new_credit`."""
        terms = self._role_terms(role_id)
        delta = max(0.0, new_credit - self._credit(item)) * item.estimate_hours
        return terms.gain(item.skills, delta)

    def _open_entry(
        self,
        item: Item,
        order: int,
        week: int,
        statuses: Mapping[str, str],
        evidence: Collection[str],
    ) -> tuple[bool, _Entry | None, float]:
        """Whether `item` is open work under these statuses and evidence, its entry (None:
        no hours, so never a step) and its hours factor."""
        status = statuses.get(item.id, "todo")
        if status in OPEN_STATUSES:
            action, factor = "finish", 1.0
        elif status == "done" and item.is_milestone and item.id not in evidence:
            gained = (1.0 - EVIDENCE_MISSING_CREDIT) * item.estimate_hours
            action, factor = "add evidence", gained / EVIDENCE_STEP_HOURS
        else:
            return False, None, 0.0
        if item.estimate_hours == 0:
            return True, None, factor
        return True, (week, order, item, action), factor

    @cached_property
    def _open(self) -> _OpenWork:
        if not self._carried:
            self._carry()
        before, self._before = self._before, None
        work = None
        if before is not None and before.open_work and len(self._changed) <= PATCH_LIMIT:
            work = self._patched(before, before.open_work[0])
        if work is None:
            work = self._all_open()
        assert self._known is not None  # made by _carry
        self._known.open_work[:] = [work]  # for the next model
        return work

    def _all_open(self) -> _OpenWork:
        week_number = {w.id: w.number for w in self.curriculum.weeks.values()}
        statuses, evidence = self.statuses, self.evidence
        low, high = TAME_HOURS
        count = 0
        bits: dict[str, int] = {}
        grouped: dict[tuple[int, float], list[_Entry]] = {}
        singles: list[_Entry] = []
        for order, item in enumerate(self.curriculum.items.values()):
            week = week_number.get(item.week_id, 0)
            counted, entry, factor = self._open_entry(item, order, week, statuses, evidence)
            if not counted:
                continue
            count += 1
            if entry is None:
                continue  # no hours, no gain: never a step
            if not low <= item.estimate_hours <= high:
                singles.append(entry)
                continue
            mask = 0
            for skill in item.skills:
                bit = bits.get(skill)
                if bit is None:
                    bit = bits[skill] = 1 << len(bits)
                mask |= bit
            key = (mask, factor)
            if key in grouped:
                grouped[key].append(entry)
            else:
                grouped[key] = [entry]
        shift = len(bits)
        factor_number: dict[float, int] = {}
        groups: list[_Group] = []
        by_skill: dict[int, list[_Group]] = {}
        for (mask, factor), entries in grouped.items():
            entries.sort()  # by week, then path order (unique: items are never compared)
            number = factor_number.setdefault(factor, len(factor_number))
            group = (number << shift | mask, entries)
            groups.append(group)
            rest = mask
            while rest:
                bit = rest & -rest  # the lowest skill bit left
                by_skill.setdefault(bit, []).append(group)
                rest ^= bit
        return _OpenWork(count, bits, shift, list(factor_number), groups, by_skill, singles)

    def _patched(self, before: _Known, work: _OpenWork) -> _OpenWork | None:
        """The latest model's open work with the changed items moved (their old entries out,
        their new ones in, each group kept in order, nothing shared with the old work
        changed); None when an item would need a skill bit, an hours factor or a group the
        old work does not have (then everything is sorted out again)."""
        items = self.curriculum.items
        order_of = self._layout.order
        week_number = {w.id: w.number for w in self.curriculum.weeks.values()}
        low, high = TAME_HOURS
        factor_number = {factor: n for n, factor in enumerate(work.factors)}
        by_key = dict(work.groups)
        copied: dict[int, list[_Entry]] = {}
        singles: list[_Entry] | None = None
        count = work.count
        for item_id in self._changed:
            item = items.get(item_id)
            if item is None:
                continue
            order, week = order_of[item_id], week_number.get(item.week_id, 0)
            sides = ((-1, before.statuses, before.evidence), (1, self.statuses, self.evidence))
            for sign, statuses, evidence in sides:
                counted, entry, factor = self._open_entry(item, order, week, statuses, evidence)
                count += sign if counted else 0
                if entry is None:
                    continue
                if not low <= item.estimate_hours <= high:
                    singles = list(work.singles) if singles is None else singles
                    singles.remove(entry) if sign < 0 else singles.append(entry)
                    continue
                number = factor_number.get(factor)
                mask = 0
                for skill in item.skills:
                    mask |= work.bits.get(skill, 0)
                    if skill not in work.bits:
                        return None
                key = -1 if number is None else number << work.shift | mask
                if key not in by_key:
                    return None
                entries = copied.get(key)
                if entries is None:
                    entries = copied[key] = list(by_key[key])
                if sign < 0:
                    entries.remove(entry)
                else:
                    bisect.insort(entries, entry)
        if not copied and singles is None and count == work.count:
            return work
        groups = [(key, copied.get(key, entries)) for key, entries in work.groups]
        new_of = {group[0]: group for group in groups if group[0] in copied}
        by_skill = {
            bit: [new_of.get(key, (key, entries)) for key, entries in listed]
            if any(key in new_of for key, _ in listed)
            else listed
            for bit, listed in work.by_skill.items()
        }
        return _OpenWork(
            count,
            work.bits,
            work.shift,
            work.factors,
            groups,
            by_skill,
            work.singles if singles is None else singles,
        )

    def next_steps(self, role_id: str, limit: int = 10) -> list[NextStep]:
        """Open work ranked by readiness gained per estimated hour (ties: earlier week)."""
        found = self._steps.get((role_id, limit))
        if found is None:
            if self._open.count:
                steps = _Ranking(self, self._role_terms(role_id), limit).steps()
            else:
                steps = []
            found = self._steps[(role_id, limit)] = tuple(steps)
        return list(found)
