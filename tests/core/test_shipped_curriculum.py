"""The shipped curriculum: complete, consistent, and planned for a person with a job."""

from __future__ import annotations

from collections import Counter

import pytest

from cairn.content import Curriculum, load_curriculum
from cairn.content.fields import ID_PATTERN
from cairn.locations import curriculum_dir

HOURS_PER_WEEK = (8.0, 12.0)


@pytest.fixture(scope="module")
def shipped() -> Curriculum:
    return load_curriculum([curriculum_dir()])


def test_six_months_and_twenty_six_weeks(shipped: Curriculum) -> None:
    assert [m.number for m in shipped.months] == [1, 2, 3, 4, 5, 6]
    assert [w.number for w in shipped.weeks.values()] == list(range(1, 27))
    assert all(len(m.week_ids) >= 4 for m in shipped.months)


def test_at_least_150_checklist_items_besides_milestones(shipped: Curriculum) -> None:
    items = [i for i in shipped.items.values() if not i.is_milestone]
    kinds = Counter(i.kind for i in items)
    assert len(items) >= 150
    assert kinds["topic"] and kinds["task"] and kinds["check"] >= 15


def test_ids_are_well_formed_and_unique_across_kinds(shipped: Curriculum) -> None:
    ids = [
        *shipped.items,
        *shipped.readings,
        *shipped.skills,
        *shipped.projects,
        *shipped.roles,
        *shipped.weeks,
        *(m.id for m in shipped.months),
    ]
    assert len(ids) == len(set(ids))
    assert all(ID_PATTERN.match(i) for i in ids)


def test_hours_per_week_fit_a_person_with_a_job(shipped: Curriculum) -> None:
    low, high = HOURS_PER_WEEK
    for week in shipped.weeks.values():
        hours = sum(i.estimate_hours for i in shipped.week_items(week.id))
        assert low <= hours <= high, f"week {week.number} plans {hours} h"


def test_every_item_is_actionable(shipped: Curriculum) -> None:
    for item in shipped.items.values():
        assert len(item.description) >= 80, item.id
        assert item.skills, item.id
        assert item.estimate_hours > 0, item.id
        if item.kind in ("topic", "task"):
            assert item.readings, item.id
        if item.is_milestone:
            assert len(item.done_when) >= 30, item.id


def test_readings_are_https_unique_and_used(shipped: Curriculum) -> None:
    urls = [r.url for r in shipped.readings.values()]
    assert len(urls) == len(set(urls))
    assert all(u.startswith("https://") for u in urls)
    used = {r for i in shipped.items.values() for r in i.readings}
    assert set(shipped.readings) - used == set(), "every catalogued reading is used"
    titles = [r.title.lower() for r in shipped.readings.values()]
    assert len(titles) == len(set(titles)), "two readings with the same title confuse"


NAMED_BY_THE_BRIEF = [
    "zero-to-hero",
    "openai-text-generation",
    "anthropic-api-overview",
    "gemini-api-docs",
    "ml-specialization",
    "dl-specialization",
    "microsoft-ai-ml-cert",
    "fairlearn",
    "aif360",
    "mlflow-docs",
    "ragas-docs",
    "g-eval-paper",
    "lora-paper",
    "pytorch-basics",
    "hf-llm-course",
    "unsloth-docs",
    "pgvector",
    "pinecone-docs",
    "weaviate-docs",
    "docker-get-started",
    "kubernetes-tutorials",
    "spark-docs",
    "eu-ai-act",
]


def test_every_reading_the_brief_names_is_used_by_an_item(shipped: Curriculum) -> None:
    used = {r for i in shipped.items.values() for r in i.readings}
    assert [r for r in NAMED_BY_THE_BRIEF if r not in used] == []


def test_projects_have_at_least_four_milestones(shipped: Curriculum) -> None:
    levels = Counter(p.level for p in shipped.projects.values())
    assert levels["portfolio"] == 4 and levels["warm-up"] == 3 and levels["intermediate"] == 3
    for project in shipped.projects.values():
        assert len(project.milestone_ids) >= 4, project.id


def test_seven_roles_each_skill_area_built_by_five_or_more(shipped: Curriculum) -> None:
    assert len(shipped.roles) == 7
    builders = Counter(s for i in shipped.items.values() for s in i.skills)
    for role in shipped.roles.values():
        specific = [a for a in role.areas if a.skill_id != "judgment-communication"]
        assert 4 <= len(specific) <= 6, role.id
        assert any(a.skill_id == "judgment-communication" for a in role.areas), role.id
        assert sum(a.weight for a in role.areas) == 100
        assert role.market_note and role.summary
        for area in role.areas:
            assert builders[area.skill_id] >= 5, (role.id, area.skill_id)


def test_every_skill_area_is_built(shipped: Curriculum) -> None:
    builders = Counter(s for i in shipped.items.values() for s in i.skills)
    assert {s: builders[s] for s in shipped.skills if builders[s] < 5} == {}
