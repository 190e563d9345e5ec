"""Next steps: the open work of a moment (every open item, grouped by the skills it builds and
its hours factor), moved by a change instead of sorted out again, and one role's ranking of it.
Pure, like `readiness`, which builds on it; the ranking's proof is in `Ranking`'s docstring."""

from __future__ import annotations

import bisect
import heapq
import math
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
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


Entry = tuple[int, int, Item, str]  # (week number, path order, item, action)
Key = tuple[float, int, int]  # how steps have always been sorted: best gain per hour first
Candidate = tuple[Key, NextStep | None, Entry]  # None: a grouped item, its step made last
Group = tuple[int, list[Entry]]  # (key: hours factor number, skills bit mask; entries in order)


@dataclass(frozen=True, slots=True)
class RoleTerms:
    """A role's share of an item's gain: per area with hours, (skill, weight × 100, hours)."""

    total_weight: float
    areas: tuple[tuple[str, float, float], ...]
    grouped: bool  # its weights and hours are tame enough for the grouped ranking
    slack: float  # bound on the relative rounding error of a gain per hour (see `Ranking`)

    def gain(self, skills: Collection[str], delta: float) -> float:
        """Points the role gains when an item building `skills` earns `delta` more hours."""
        points = 0.0
        for skill, scaled_weight, hours in self.areas:
            if skill in skills:
                points += scaled_weight * delta / hours
        return points / self.total_weight if self.total_weight else 0.0


@dataclass(frozen=True, slots=True)
class OpenWork:
    """A model's open work, sorted out once for every role.

    Open items with a tame estimate are grouped by the skills they build (a bit mask) and their
    hours factor (credit gained × estimate ÷ the step's hours: 1 to finish, 2 × estimate to add
    evidence), each group in week and path order, and indexed by each skill they build. Items
    with an odd estimate are ranked one by one; items whose estimate is 0 never gain."""

    count: int  # every open item, even those that can never gain
    bits: dict[str, int]  # a bit per skill; a group's key holds its skills' bits ...
    shift: int  # ... and, from this bit on, the number of its hours factor
    factors: list[float]
    groups: list[Group]
    by_skill: dict[int, list[Group]]
    singles: list[Entry]


class Ranking:
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

    def __init__(
        self,
        work: OpenWork,
        credit_of: Callable[[Item], float],
        terms: RoleTerms,
        limit: int,
    ) -> None:
        self.work = work
        self.credit_of = credit_of  # the credit an item has earned so far
        self.terms = terms
        self.limit = limit
        self.candidates: list[Candidate] = []

    def steps(self) -> list[NextStep]:
        work = self.work
        for entry in work.singles:
            self._add_exact(entry)
        if self.terms.grouped and self.limit >= 0:
            self._add_buckets(work)
        else:
            for _, entries in work.groups:
                for entry in entries:
                    self._add_exact(entry)
        if 0 <= self.limit < len(self.candidates):
            chosen = heapq.nsmallest(self.limit, self.candidates, key=sort_key)
        else:
            chosen = sorted(self.candidates, key=sort_key)[: self.limit]
        return [step if step is not None else self._step(entry) for _, step, entry in chosen]

    def _step(self, entry: Entry) -> NextStep:
        item, action = entry[2], entry[3]
        delta = max(0.0, 1.0 - self.credit_of(item)) * item.estimate_hours
        hours = item.estimate_hours if action == "finish" else EVIDENCE_STEP_HOURS
        return NextStep(item.id, item.title, action, self.terms.gain(item.skills, delta), hours)

    def _add_exact(self, entry: Entry) -> None:
        step = self._step(entry)
        if step.gain > 0:
            key = (-round(step.gain_per_hour, 9), entry[0], entry[1])
            self.candidates.append((key, step, entry))

    def _buckets(self, work: OpenWork) -> list[tuple[float, int, list[list[Entry]]]]:
        """The role's buckets, best first: (c, how many items, their groups' entries)."""
        terms = self.terms
        rates = [(work.bits.get(skill, 0), weight / hours) for skill, weight, hours in terms.areas]
        role_mask = 0
        for bit, _ in rates:
            role_mask |= bit
        keep = role_mask | -(1 << work.shift)  # the role's skills and every factor bit
        shared_by: dict[int, tuple[list[int], list[list[Entry]]]] = {}
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

    def _add_buckets(self, work: OpenWork) -> None:
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
            entries: Iterable[Entry] = heapq.merge(*groups) if len(groups) > 1 else groups[0]
            if low == high:
                for entry in islice(entries, self.limit):
                    self.candidates.append(((-low, entry[0], entry[1]), None, entry))
            else:
                for entry in entries:
                    self._add_exact(entry)


def sort_key(candidate: Candidate) -> Key:
    return candidate[0]


def open_entry(
    item: Item,
    order: int,
    week: int,
    statuses: Mapping[str, str],
    evidence: Collection[str],
) -> tuple[bool, Entry | None, float]:
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


def all_open(
    curriculum: Curriculum, statuses: Mapping[str, str], evidence: Collection[str]
) -> OpenWork:
    """Every open item of `curriculum` under these statuses and evidence, sorted out."""
    week_number = {w.id: w.number for w in curriculum.weeks.values()}
    low, high = TAME_HOURS
    count = 0
    bits: dict[str, int] = {}
    grouped: dict[tuple[int, float], list[Entry]] = {}
    singles: list[Entry] = []
    for order, item in enumerate(curriculum.items.values()):
        week = week_number.get(item.week_id, 0)
        counted, entry, factor = open_entry(item, order, week, statuses, evidence)
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
    groups: list[Group] = []
    by_skill: dict[int, list[Group]] = {}
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
    return OpenWork(count, bits, shift, list(factor_number), groups, by_skill, singles)


def moved_open_work(
    work: OpenWork,
    curriculum: Curriculum,
    order_of: Mapping[str, int],
    before: tuple[Mapping[str, str], Collection[str]],
    now: tuple[Mapping[str, str], Collection[str]],
    changed: Iterable[str],
) -> OpenWork | None:
    """`work` (open under the `before` statuses and evidence) with the `changed` items moved
    to where they are `now` (their old entries out,
    their new ones in, each group kept in order, nothing shared with the old work
    changed); None when an item would need a skill bit, an hours factor or a group the
    old work does not have (then everything is sorted out again)."""
    items = curriculum.items
    week_number = {w.id: w.number for w in curriculum.weeks.values()}
    low, high = TAME_HOURS
    factor_number = {factor: n for n, factor in enumerate(work.factors)}
    by_key = dict(work.groups)
    copied: dict[int, list[Entry]] = {}
    singles: list[Entry] | None = None
    count = work.count
    for item_id in changed:
        item = items.get(item_id)
        if item is None:
            continue
        order, week = order_of[item_id], week_number.get(item.week_id, 0)
        sides = ((-1, *before), (1, *now))
        for sign, statuses, evidence in sides:
            counted, entry, factor = open_entry(item, order, week, statuses, evidence)
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
    return OpenWork(
        count,
        work.bits,
        work.shift,
        work.factors,
        groups,
        by_skill,
        work.singles if singles is None else singles,
    )
