"""Readiness at size: the fast model gives exactly what the straightforward one gave.

`ReferenceModel` below is the implementation before issue 15, kept verbatim as the oracle:
every score, area and next step (order, gain, action) must be equal, not just close."""

from __future__ import annotations

import random
from collections.abc import Collection, Mapping

from hypothesis import given, settings
from hypothesis import strategies as st

from cairn.content import Curriculum, Item
from cairn.content.model import Month, Role, RoleArea, Skill, Week
from cairn.readiness import (
    EVIDENCE_STEP_HOURS,
    AreaReadiness,
    NextStep,
    ReadinessModel,
    RoleReadiness,
    credit,
)
from cairn.readiness_steps import all_open

STATUSES = ("todo", "doing", "done", "skipped")


# --- the oracle: the implementation before issue 15 -------------------------------------------
class ReferenceModel:
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


# --- synthetic curricula ----------------------------------------------------------------------
def synthetic_curriculum(
    rng: random.Random,
    *,
    items: int,
    roles: int,
    skills: int,
    weeks: int = 26,
    hours: tuple[float, ...] = (0.5, 0.75, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.5),
) -> Curriculum:
    """A curriculum of `items` items (about a fifth milestones) spread over `weeks` weeks, each
    building one to four of `skills` skills, and `roles` roles of one to eight weighted areas."""
    skill_ids = [f"s{n}" for n in range(skills)]
    week_ids = [f"w{n}" for n in range(1, weeks + 1)]
    made: dict[str, Item] = {}
    per_week: dict[str, list[str]] = {w: [] for w in week_ids}
    for n in range(items):
        week = rng.choice(week_ids)
        ident = f"i{n}"
        kind = "milestone" if rng.random() < 0.2 else rng.choice(("topic", "task", "check"))
        built = tuple(rng.sample(skill_ids, rng.randint(1, min(4, skills))))
        made[ident] = Item(ident, kind, f"Item {n}", "", rng.choice(hours), built, (), week, "m1")
        per_week[week].append(ident)
    made_roles: dict[str, Role] = {}
    for n in range(roles):
        chosen = rng.sample(skill_ids, rng.randint(1, min(8, skills)))
        areas = tuple(RoleArea(s, rng.randint(1, 40)) for s in chosen)
        made_roles[f"r{n}"] = Role(f"r{n}", f"Role {n}", "", "", areas)
    return Curriculum(
        packs=(),
        months=(Month("m1", 1, "Month", "", tuple(week_ids)),),
        weeks={
            w: Week(w, number, f"Week {number}", "", "m1", tuple(per_week[w]))
            for number, w in enumerate(week_ids, start=1)
        },
        items=made,
        readings={},
        skills={s: Skill(s, f"Skill {s}", "") for s in skill_ids},
        projects={},
        roles=made_roles,
    )


def synthetic_progress(
    rng: random.Random, curriculum: Curriculum
) -> tuple[dict[str, str], frozenset[str]]:
    """Random statuses (about a third of items untouched) and evidence on some milestones."""
    statuses = {i: rng.choice(STATUSES) for i in curriculum.items if rng.random() < 0.66}
    evidence = frozenset(
        i for i, item in curriculum.items.items() if item.is_milestone and rng.random() < 0.4
    )
    return statuses, evidence


def same(fast: object, reference: object) -> bool:
    """Equal, reading NaN as equal to NaN (repr shows every float exactly)."""
    return fast == reference or repr(fast) == repr(reference)


def assert_same_as_reference(
    curriculum: Curriculum, statuses: Mapping[str, str], evidence: Collection[str]
) -> None:
    fast = ReadinessModel(curriculum, statuses, evidence)
    reference = ReferenceModel(curriculum, statuses, evidence)
    assert same(fast.roles(), reference.roles())
    for role_id in curriculum.roles:
        assert same(fast.role(role_id), reference.role(role_id))
        for limit in (0, 1, 3, 10, len(curriculum.items) + 1, -1):
            assert same(fast.next_steps(role_id, limit), reference.next_steps(role_id, limit))
        assert same(fast.next_steps(role_id), reference.next_steps(role_id))
        for item in curriculum.items.values():
            for new_credit in (1.0, 0.5):
                assert same(
                    fast.gain(role_id, item, new_credit), reference.gain(role_id, item, new_credit)
                )


# --- equality with the reference --------------------------------------------------------------
@settings(max_examples=150, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    items=st.integers(0, 40),
    roles=st.integers(1, 4),
    skills=st.integers(1, 6),
    weeks=st.integers(1, 5),
)
def test_same_results_as_before_on_random_curricula(
    seed: int, items: int, roles: int, skills: int, weeks: int
) -> None:
    rng = random.Random(seed)
    curriculum = synthetic_curriculum(rng, items=items, roles=roles, skills=skills, weeks=weeks)
    statuses, evidence = synthetic_progress(rng, curriculum)
    assert_same_as_reference(curriculum, statuses, evidence)


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    hours=st.lists(
        st.sampled_from([0.0, 1e-9, 0.1, 1 / 3, 0.25, 1.0, 7.0, 1e7, float("inf")]),
        min_size=1,
        max_size=4,
    ),
)
def test_same_results_with_odd_estimates(seed: int, hours: list[float]) -> None:
    """Zero, tiny, huge and infinite estimates (a pack could hold them) rank as before."""
    rng = random.Random(seed)
    curriculum = synthetic_curriculum(rng, items=25, roles=3, skills=3, weeks=3, hours=tuple(hours))
    statuses, evidence = synthetic_progress(rng, curriculum)
    assert_same_as_reference(curriculum, statuses, evidence)


def test_same_results_as_before_at_size() -> None:
    """A few hundred items with many ties in gain per hour (few skills, few estimates)."""
    rng = random.Random(15)
    curriculum = synthetic_curriculum(rng, items=600, roles=12, skills=5, hours=(1.0, 2.0))
    statuses, evidence = synthetic_progress(rng, curriculum)
    assert_same_as_reference(curriculum, statuses, evidence)


def test_results_do_not_follow_later_changes_to_the_statuses() -> None:
    """The model is a snapshot: changing the mapping it was built from afterwards (the tracker
    keeps one live) does not change its answers, cached or not."""
    rng = random.Random(7)
    curriculum = synthetic_curriculum(rng, items=30, roles=2, skills=3)
    statuses, evidence = synthetic_progress(rng, curriculum)
    model = ReadinessModel(curriculum, statuses, evidence)
    expected = ReferenceModel(curriculum, dict(statuses), evidence)
    for item_id in curriculum.items:
        statuses[item_id] = "done"
    for role_id in curriculum.roles:
        assert model.role(role_id) == expected.role(role_id)
        assert model.next_steps(role_id, 5) == expected.next_steps(role_id, 5)


def test_the_same_steps_asked_twice_are_equal_lists_the_caller_may_change() -> None:
    rng = random.Random(3)
    curriculum = synthetic_curriculum(rng, items=30, roles=1, skills=2)
    model = ReadinessModel(curriculum, {}, frozenset())
    first = model.next_steps("r0", 5)
    first.clear()
    assert model.next_steps("r0", 5) == ReferenceModel(curriculum, {}, ()).next_steps("r0", 5)


def test_same_results_when_gains_straddle_a_rounding_boundary() -> None:
    """Four items of a quarter of 99.99999995 h each gain a hair more than 1.0000000005 points
    per hour: the ranking's bounds cannot tell how that rounds to 9 digits, so these items are
    ranked one by one, and still as before."""
    shape = synthetic_curriculum(random.Random(5), items=0, roles=0, skills=1, weeks=2)
    quarters = {
        f"q{n}": Item(f"q{n}", "task", f"Quarter {n}", "", 99.99999995 / 4, ("s0",), (), "w1", "m1")
        for n in range(4)
    }
    roles = {"lone": Role("lone", "Lone", "", "", (RoleArea("s0", 3),))}
    curriculum = Curriculum((), shape.months, shape.weeks, quarters, {}, shape.skills, {}, roles)
    assert_same_as_reference(curriculum, {}, frozenset())
    assert_same_as_reference(curriculum, {"q1": "done", "q2": "doing"}, frozenset())


@settings(max_examples=120, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), steps=st.integers(1, 12))
def test_a_model_after_each_change_answers_like_a_fresh_one(seed: int, steps: int) -> None:
    """Each new model of a curriculum takes over the latest model's tallies and roles where no
    changed status or evidence touches them; its answers stay exactly a fresh model's, whether
    the models before it answered everything, part of it or nothing."""
    rng = random.Random(seed)
    curriculum = synthetic_curriculum(rng, items=30, roles=3, skills=4, weeks=3)
    statuses, evidence = synthetic_progress(rng, curriculum)
    ids = list(curriculum.items)
    for _ in range(steps):
        for item_id in rng.sample(ids, k=min(len(ids), rng.randint(0, 3))):
            statuses[item_id] = rng.choice(STATUSES)
        if ids and rng.random() < 0.3:
            evidence = evidence ^ {rng.choice(ids)}
        model = ReadinessModel(curriculum, statuses, evidence)
        reference = ReferenceModel(curriculum, dict(statuses), evidence)
        asked = rng.sample(list(curriculum.roles), k=rng.randint(0, len(curriculum.roles)))
        for role_id in asked:
            assert same(model.role(role_id), reference.role(role_id))
            assert same(model.next_steps(role_id, 5), reference.next_steps(role_id, 5))
        if asked:  # open work moved from the model before is what sorting it all out gives
            moved, fresh = model._open, all_open(curriculum, statuses, evidence)
            assert moved.count == fresh.count
            assert sorted(moved.singles) == sorted(fresh.singles)
            assert sorted(e for _, g in moved.groups for e in g) == sorted(
                e for _, g in fresh.groups for e in g
            )
    final = ReadinessModel(curriculum, statuses, evidence)
    assert same(final.roles(), ReferenceModel(curriculum, dict(statuses), evidence).roles())
