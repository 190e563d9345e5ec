"""The shipped curriculum: complete, consistent, honest about hours, in an order where nothing
is used before it is taught, and finishable by a learner who follows it exactly."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from cairn.content import Curriculum, load_curriculum
from cairn.content.fields import ID_PATTERN
from cairn.content.path_checks import week_hours
from cairn.locations import curriculum_dir
from cairn.tracker import Tracker

WEEK_HOURS = (10.0, 20.0)  # weeks differ; none is a second job
TOTAL_HOURS = (350.0, 450.0)  # the whole path for the target learner, one option per choice


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


def test_no_week_plans_more_than_twenty_hours_or_less_than_ten(shipped: Curriculum) -> None:
    low, high = WEEK_HOURS
    assert shipped.packs[0].max_week_hours == high  # `cairn validate` holds every week to it
    for week in shipped.weeks.values():
        hours = week_hours(shipped, week.item_ids)  # each choice at its heaviest option
        assert low <= hours <= high, f"week {week.number} plans {hours} h"


@pytest.mark.parametrize("option", ["", "spec-option-evals", "spec-option-multimodal"])
def test_the_whole_path_is_350_to_450_hours(shipped: Curriculum, option: str) -> None:
    counted = shipped.counted({"specialisation": [option]} if option else {})
    total = sum(i.estimate_hours for i in counted.items.values())
    low, high = TOTAL_HOURS
    assert low <= total <= high, total


def test_an_estimate_covers_the_readings_it_requires(shipped: Curriculum) -> None:
    short = {
        i.id: (i.estimate_hours, sum(shipped.readings[r].estimate_hours for r in i.readings))
        for i in shipped.items.values()
        if sum(shipped.readings[r].estimate_hours for r in i.readings) > i.estimate_hours
    }
    assert short == {}


def test_prerequisites_come_earlier(shipped: Curriculum) -> None:
    place = {
        item_id: (week.number, n)
        for week in shipped.weeks.values()
        for n, item_id in enumerate(week.item_ids)
    }
    late = [
        (i.id, need)
        for i in shipped.items.values()
        for need in i.requires
        if place[need] >= place[i.id]
    ]
    assert late == []
    assert sum(len(i.requires) for i in shipped.items.values()) >= 60  # the order is stated


TAUGHT_BEFORE_USED = [
    ("structured-outputs-three-providers", "warmup-extraction-first-extractor"),
    ("tokens-and-cost-per-request", "warmup-extraction-compare-and-decide"),
    ("pytorch-tensors-autograd", "pytorch-training-loop"),
    ("threat-model-public-service", "production-deployment-live-endpoint"),
    ("guardrails-input-output-filters", "production-deployment-live-endpoint"),
    ("pii-redaction-privacy", "production-deployment-live-endpoint"),
    ("agent-eval-concepts", "agent-failures-baseline"),
    ("tool-calling-round-trip", "agent-react-pattern"),
]


@pytest.mark.parametrize(("first", "then"), TAUGHT_BEFORE_USED)
def test_what_the_review_found_out_of_order_is_taught_first(
    shipped: Curriculum, first: str, then: str
) -> None:
    def place(item_id: str) -> tuple[int, int]:
        week = shipped.weeks[shipped.items[item_id].week_id]
        return week.number, week.item_ids.index(item_id)

    assert place(first) < place(then)


NEW_FOR_2026 = [
    "reasoning-models-budgets",
    "prompting-craft",
    "guardrails-input-output-filters",
    "pii-redaction-privacy",
    "threat-model-public-service",
    "online-eval-ab-feedback",
    "serve-open-model-measured",
    "hosted-finetune-distillation",
    "agent-framework-vs-hand-rolled",
    "a2a-beside-mcp",
    "ai-coding-assistants",
    "sql-for-ml-data",
    "cloud-ml-platform-deploy",
    "retraining-with-rollback",
    "data-versioning-lineage",
]


@pytest.mark.parametrize("item_id", NEW_FOR_2026)
def test_what_a_2026_ai_engineer_is_asked_has_an_item_with_an_artefact(
    shipped: Curriculum, item_id: str
) -> None:
    item = shipped.items[item_id]
    assert item.kind in ("task", "topic")
    assert "**Done when**" in item.description


def test_the_specialisations_are_one_choice_of_five(shipped: Curriculum) -> None:
    group = shipped.choices["specialisation"]
    assert group.choose == 1 and len(group.options) == 5
    for option in group.options:
        assert len(option.item_ids) >= 3, option.id
        assert 10 <= shipped.option_hours(option) <= 20, option.id
    texts = " ".join(i.description for i in shipped.items.values()).lower()
    assert "mark the other" not in texts and "mark them skipped" not in texts


@pytest.mark.parametrize(
    "option",
    [
        "spec-option-long-context",
        "spec-option-multimodal",
        "spec-option-voice",
        "spec-option-code-generation",
        "spec-option-evals",
    ],
)
def test_following_the_path_exactly_reaches_100(
    data_dir: Path, shipped_pack: Path, option: str
) -> None:
    """A learner who chooses one specialisation and finishes everything that counts, with
    evidence on every milestone, is at 100 % overall, for every month and for every role."""
    with Tracker.open(data_dir, shipped_pack) as tracker:
        tracker.choose("specialisation", [option])
        counted = tracker.counted
        tracker.set_statuses(dict.fromkeys(counted.items, "done"))
        for item in counted.items.values():
            if item.is_milestone:
                tracker.add_evidence(item.id, f"https://example.org/{item.id}")
        assert tracker.overall_progress().percent == 100
        assert {m.id: tracker.month_progress(m.id).percent for m in counted.months} == {
            m.id: 100 for m in counted.months
        }
        assert {r.role_id: round(r.score, 1) for r in tracker.readiness().roles()} == {
            r: 100 for r in counted.roles
        }


def test_every_item_is_actionable(shipped: Curriculum) -> None:
    for item in shipped.items.values():
        assert len(item.description) >= 80, item.id
        assert item.skills, item.id
        assert item.estimate_hours > 0, item.id
        if item.kind in ("topic", "task"):
            assert item.readings or item.optional_readings, item.id
        if item.is_milestone:
            assert len(item.done_when) >= 30, item.id
        else:
            assert "**Done when**" in item.description, item.id


def _used(shipped: Curriculum) -> set[str]:
    """Readings an item requires or offers as optional, or a week lists as further study."""
    return {r for i in shipped.items.values() for r in (*i.readings, *i.optional_readings)} | {
        r for w in shipped.weeks.values() for r in w.readings
    }


def test_readings_are_https_unique_and_used(shipped: Curriculum) -> None:
    urls = [r.url for r in shipped.readings.values()]
    assert len(urls) == len(set(urls))
    assert all(u.startswith("https://") for u in urls)
    assert set(shipped.readings) - _used(shipped) == set(), "every catalogued reading is used"
    titles = [r.title.lower() for r in shipped.readings.values()]
    assert len(titles) == len(set(titles)), "two readings with the same title confuse"
    assert not [u for u in urls if "platform.openai.com" in u], "OpenAI docs moved"


def test_course_length_resources_are_never_required_by_a_short_item(shipped: Curriculum) -> None:
    long = {r.id for r in shipped.readings.values() if r.estimate_hours >= 20}
    required = {(i.id, r) for i in shipped.items.values() for r in i.readings if r in long}
    assert required == set()


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


def test_every_reading_the_brief_names_is_on_the_path(shipped: Curriculum) -> None:
    assert [r for r in NAMED_BY_THE_BRIEF if r not in _used(shipped)] == []


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
        assert 4 <= len(specific) <= 7, role.id
        assert any(a.skill_id == "judgment-communication" for a in role.areas), role.id
        assert sum(a.weight for a in role.areas) == 100
        assert role.market_note and role.summary
        for area in role.areas:
            assert builders[area.skill_id] >= 5, (role.id, area.skill_id)


def test_every_skill_area_is_built(shipped: Curriculum) -> None:
    builders = Counter(s for i in shipped.items.values() for s in i.skills)
    assert {s: builders[s] for s in shipped.skills if builders[s] < 5} == {}


def test_the_readme_states_the_paths_hours_and_durations(shipped: Curriculum) -> None:
    """The README's total and its table of durations at 8, 10, 15 and 20 h a week follow the
    shipped pack (an open choice counts as its cheapest option, as the plan does)."""
    import math
    import re

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    total = sum(i.estimate_hours for i in shipped.counted({}).items.values())
    assert f"The whole path is {total:g} h" in readme
    for hours in (8, 10, 15, 20):
        row = re.search(rf"^\| {hours} \| (\d+) \|", readme, re.MULTILINE)
        assert row is not None and int(row.group(1)) == math.ceil(total / hours), hours
