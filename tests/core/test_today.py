"""The Today page's rules, without a window: which items, in which groups, in what order.

The small pack: week 1 write-hello (task 1 h), read-guide (topic 2 h), demo-start (milestone 2 h);
week 2 write-eval (task 2 h), explain-eval (check 0.5 h), demo-measure (milestone 2 h). Role
"builder" weighs coding 60 / evals 40, so coding work gains 12 points an hour and evals work
8.9: week 1 comes first, in path order on ties.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date

import pytest
from tests.conftest import SMALL_PACK

from cairn.content import Curriculum, load_curriculum
from cairn.plan import PlanSettings, pace
from cairn.readiness import ReadinessModel
from cairn.today import GroupKind, Today, current_week, today

WEEK_1 = ["write-hello", "read-guide", "demo-start"]


@pytest.fixture(scope="module")
def small() -> Curriculum:
    return load_curriculum([SMALL_PACK])


def _today(
    c: Curriculum,
    statuses: Mapping[str, str],
    evidence: frozenset[str] = frozenset(),
    **kwargs: object,
) -> Today:
    readiness = ReadinessModel(c, dict(statuses), evidence)
    return today(c, statuses, readiness=readiness, roles=["builder"], **kwargs)  # type: ignore[arg-type]


def _shown(page: Today) -> list[tuple[str, list[str]]]:
    """Each group's heading and item ids, as the page lists them."""
    return [(g.title, [i.id for i in g.items]) for g in page.groups]


def test_a_newcomer_sees_week_one_then_the_best_steps_for_the_role(small: Curriculum) -> None:
    page = _today(small, {})
    assert _shown(page) == [
        ("Next in week 1 · Write code", WEEK_1),
        ("Best next steps for Builder", ["write-eval", "explain-eval", "demo-measure"]),
    ]
    assert page.group(GroupKind.IN_PROGRESS) is None and page.group(GroupKind.EVIDENCE) is None


def test_mid_path_work_in_progress_comes_first_and_the_week_moves_on(small: Curriculum) -> None:
    statuses = {i: "done" for i in WEEK_1} | {"write-eval": "doing"}
    page = _today(small, statuses)
    assert page.week.id == "w02"
    assert _shown(page) == [
        ("In progress", ["write-eval"]),
        ("Next in week 2 · Measure code", ["explain-eval", "demo-measure"]),
        ("Best next steps for Builder", []),
        ("Finished, waiting for an evidence link", ["demo-start"]),
    ]


def test_skipped_and_doing_items_are_not_listed_as_next_in_the_week(small: Curriculum) -> None:
    page = _today(small, {"write-hello": "skipped", "read-guide": "doing"})
    week = page.group(GroupKind.THIS_WEEK)
    assert week is not None and [i.id for i in week.items] == ["demo-start"]


def test_behind_the_plan_the_page_stays_on_the_first_open_week(small: Curriculum) -> None:
    behind = pace(small, {}, PlanSettings(date(2026, 1, 5), 2.0), date(2026, 2, 2))
    assert behind.state == "behind" and behind.expected_week == 2
    page = _today(small, {}, pace=behind)
    assert page.week.id == "w01"
    assert _shown(page)[0] == ("Next in week 1 · Write code", WEEK_1)


def test_ahead_of_a_plan_that_has_started_the_planned_week_is_shown(small: Curriculum) -> None:
    statuses = {i: "done" for i in WEEK_1}
    ahead = pace(small, statuses, PlanSettings(date(2026, 1, 5), 2.0), date(2026, 1, 12))
    assert ahead.state == "ahead" and ahead.expected_week == 1
    assert current_week(small, statuses, ahead) == "w01"
    assert current_week(small, statuses, None) == "w02"


def test_everything_done_leaves_only_milestones_waiting_for_evidence(small: Curriculum) -> None:
    done = {i: "done" for i in small.items}
    assert _shown(_today(small, done)) == [
        ("Next in week 1 · Write code", []),
        ("Best next steps for Builder", []),
        ("Finished, waiting for an evidence link", ["demo-start", "demo-measure"]),
    ]
    proven = _today(small, done, frozenset({"demo-start", "demo-measure"}))
    assert [g.kind for g in proven.groups] == [GroupKind.THIS_WEEK, GroupKind.NEXT_STEPS]


def test_without_a_role_there_are_no_role_groups_and_an_unknown_role_is_passed_over(
    small: Curriculum,
) -> None:
    readiness = ReadinessModel(small, {}, frozenset())
    assert [g.kind for g in today(small, {}, readiness=readiness).groups] == [GroupKind.THIS_WEEK]
    page = today(small, {}, readiness=readiness, roles=["", "gone", "explainer"])
    assert page.role == "explainer"
    assert _shown(page)[1][0] == "Best next steps for Explainer"


def test_only_readings_being_read_that_still_exist_are_listed(small: Curriculum) -> None:
    page = today(small, {}, reading_statuses={"guide": "reading", "paper": "read", "x": "reading"})
    assert [r.id for r in page.readings] == ["guide"]


def _ids(page: Today) -> list[str]:
    return [i.id for g in page.groups if g.kind != GroupKind.EVIDENCE for i in g.items]


def test_no_item_appears_in_two_groups(small: Curriculum) -> None:
    for statuses in ({}, {"write-hello": "doing"}, {i: "done" for i in WEEK_1}):
        shown = _ids(_today(small, statuses))
        assert len(shown) == len(set(shown)), shown


def _with_weeks(c: Curriculum, count: int) -> Curriculum:
    """The small pack with `count` more weeks after week 2, each holding one coding task like
    week 1's (1 h)."""
    weeks = dict(c.weeks)
    items = dict(c.items)
    last = list(c.weeks.values())[-1]
    for n in range(3, 3 + count):
        item = dataclasses.replace(
            c.items["write-hello"], id=f"far-{n}", week_id=f"w{n:02d}", title=f"Far work {n}"
        )
        items[item.id] = item
        weeks[f"w{n:02d}"] = dataclasses.replace(
            last, id=f"w{n:02d}", number=n, title=f"Week {n}", item_ids=(item.id,)
        )
    return dataclasses.replace(c, weeks=weeks, items=items)


def test_best_next_steps_rank_work_within_reach_first(small: Curriculum) -> None:
    """Coding work of weeks 3–20 gains more an hour (12 points) than week 2's evals work
    (8.9), yet a learner in week 1 is first shown next week's work, and never week 20's."""
    c = _with_weeks(small, 18)
    page = _today(c, {})
    steps = page.group(GroupKind.NEXT_STEPS)
    assert steps is not None
    ids = [i.id for i in steps.items]
    assert ids[:3] == ["write-eval", "explain-eval", "demo-measure"]  # week 2: next week
    assert ids[3:] == ["far-3", "far-4"]  # then by gain per hour (ties: the earlier week)
    later = _today(c, {f"far-{n}": "done" for n in (3, 4)}).group(GroupKind.NEXT_STEPS)
    assert later is not None and [i.id for i in later.items][3:] == ["far-5"]  # not week 20


def test_an_item_whose_requirements_are_not_done_is_not_suggested(small: Curriculum) -> None:
    needs = dataclasses.replace(small.items["explain-eval"], requires=("write-eval",))
    c = dataclasses.replace(small, items={**small.items, needs.id: needs})
    steps = _today(c, {}).group(GroupKind.NEXT_STEPS)
    assert steps is not None and "explain-eval" not in [i.id for i in steps.items]
    ready = _today(c, {"write-eval": "done"}).group(GroupKind.NEXT_STEPS)
    assert ready is not None and "explain-eval" in [i.id for i in ready.items]


def test_group_counts_are_the_items_listed(small: Curriculum) -> None:
    page = _today(small, {"write-hello": "doing", "read-guide": "doing"})
    doing = page.group(GroupKind.IN_PROGRESS)
    assert doing is not None and len(doing.items) == 2
    week = page.group(GroupKind.THIS_WEEK)
    assert week is not None and [i.id for i in week.items] == ["demo-start"]


def test_blocked_and_listed_work_does_not_crowd_out_the_next_steps(small: Curriculum) -> None:
    """The list is filled after the items listed above and the blocked ones are left out,
    not before; work more than REACH_WEEKS ahead is never suggested."""
    c = _with_weeks(small, 60)
    blocked = {
        i: dataclasses.replace(c.items[i], requires=("demo-measure",)) for i in ("far-3", "far-4")
    }
    c = dataclasses.replace(c, items={**c.items, **blocked})
    steps = _today(c, {}).group(GroupKind.NEXT_STEPS)
    assert steps is not None
    assert [i.id for i in steps.items] == [
        "write-eval",
        "explain-eval",
        "demo-measure",
        "far-5",  # week 5: the last within reach of week 1
    ]
