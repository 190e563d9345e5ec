"""Readiness: hand-computed scores on the small pack, and the properties a learner relies on."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import SMALL_PACK

from cairn.content import Curriculum, load_curriculum
from cairn.locations import curriculum_dir
from cairn.readiness import ReadinessModel
from cairn.tracker import Tracker, TrackerError

# The small pack, by hand:
#   coding  = write-hello 1 h + read-guide 2 h + demo-start (milestone) 2 h   = 5 h
#   evals   = write-eval 2 h + explain-eval 0.5 h + demo-measure (milestone) 2 h = 4.5 h
#   talking = read-guide 2 h + explain-eval 0.5 h                             = 2.5 h
#   builder = 60 % coding + 40 % evals;  explainer = 50 % talking + 50 % evals


@pytest.fixture(scope="module")
def small() -> Curriculum:
    return load_curriculum([SMALL_PACK])


@pytest.fixture(scope="module")
def shipped() -> Curriculum:
    return load_curriculum([curriculum_dir()])


def test_nothing_done_is_zero(small: Curriculum) -> None:
    model = ReadinessModel(small, {}, set())
    assert [r.score for r in model.roles()] == [0.0, 0.0]


def test_milestone_without_evidence_counts_half(small: Curriculum) -> None:
    statuses = {"write-hello": "done", "demo-start": "done"}
    builder = ReadinessModel(small, statuses, set()).role("builder")
    coding = builder.areas[0]
    assert coding.score == pytest.approx(40.0)  # (1 + 0.5 × 2) / 5
    assert builder.score == pytest.approx(24.0)  # 60 % × 40
    assert coding.missing_evidence == ("Start the demo",)
    assert "no evidence yet" in coding.explanation()
    with_proof = ReadinessModel(small, statuses, {"demo-start"}).role("builder")
    assert with_proof.areas[0].score == pytest.approx(60.0)
    assert with_proof.score == pytest.approx(36.0)


def test_one_item_counts_toward_every_area_and_role_it_builds(small: Curriculum) -> None:
    statuses = {"write-hello": "done", "demo-start": "done", "explain-eval": "done"}
    model = ReadinessModel(small, statuses, {"demo-start"})
    explainer = model.role("explainer")
    assert [a.score for a in explainer.areas] == [
        pytest.approx(20.0),
        pytest.approx(100 * 0.5 / 4.5),
    ]
    assert explainer.score == pytest.approx(0.5 * 20 + 0.5 * 100 * 0.5 / 4.5)
    assert model.role("builder").score == pytest.approx(36 + 0.4 * 100 * 0.5 / 4.5)


def test_doing_and_skipped_earn_nothing(small: Curriculum) -> None:
    model = ReadinessModel(small, {"write-hello": "doing", "read-guide": "skipped"}, set())
    builder = model.role("builder")
    assert builder.score == 0.0
    assert builder.areas[0].skipped == 1 and "1 skipped" in builder.areas[0].explanation()


def test_next_steps_ranked_by_gain_per_hour(small: Curriculum) -> None:
    statuses = {"write-hello": "done", "demo-start": "done", "explain-eval": "done"}
    model = ReadinessModel(small, statuses, {"demo-start"})
    steps = model.next_steps("builder")
    assert [s.item_id for s in steps] == ["read-guide", "write-eval", "demo-measure"]
    assert steps[0].gain == pytest.approx(24.0)  # 60 % × 2/5
    assert steps[0].gain_per_hour == pytest.approx(12.0)
    assert steps[1].gain == pytest.approx(40 * 2 / 4.5)


def test_finished_milestone_without_proof_is_a_quick_next_step(small: Curriculum) -> None:
    model = ReadinessModel(small, {"demo-start": "done"}, set())
    first = model.next_steps("builder")[0]
    assert (first.item_id, first.action) == ("demo-start", "add evidence")
    assert first.gain == pytest.approx(60 * 1 / 5)  # the missing half of 2 h out of 5 h


def test_the_promised_gain_is_what_finishing_delivers(small: Curriculum) -> None:
    statuses: dict[str, str] = {"write-hello": "done"}
    model = ReadinessModel(small, statuses, set())
    before = model.role("builder").score
    step = model.next_steps("builder")[0]
    after_statuses = {**statuses, step.item_id: "done"}
    evidence = {step.item_id} if small.items[step.item_id].is_milestone else set()
    after = ReadinessModel(small, after_statuses, evidence).role("builder").score
    assert after - before == pytest.approx(step.gain)


# --- properties over the shipped curriculum --------------------------------------------------

STATUS = st.sampled_from(["todo", "doing", "done", "skipped"])


def _progress(curriculum: Curriculum) -> st.SearchStrategy[tuple[dict[str, str], set[str]]]:
    ids = sorted(curriculum.items)
    milestones = sorted(i for i in ids if curriculum.items[i].is_milestone)
    return st.tuples(
        st.dictionaries(st.sampled_from(ids), STATUS), st.sets(st.sampled_from(milestones))
    )


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_properties_hold_for_any_progress(shipped: Curriculum, data: st.DataObject) -> None:
    statuses, evidence = data.draw(_progress(shipped))
    model = ReadinessModel(shipped, statuses, evidence)
    for role in model.roles():
        assert 0.0 <= role.score <= 100.0
        weights = sum(a.weight for a in role.areas)
        assert role.score == pytest.approx(sum(a.contribution for a in role.areas) * 100 / weights)
    # finishing one more item never lowers any role; skipping it never raises any role
    item_id = data.draw(st.sampled_from(sorted(shipped.items)))
    finished = ReadinessModel(shipped, {**statuses, item_id: "done"}, evidence | {item_id})
    skipped = ReadinessModel(shipped, {**statuses, item_id: "skipped"}, evidence)
    for role in model.roles():
        assert finished.role(role.role_id).score >= role.score - 1e-9
        assert skipped.role(role.role_id).score <= role.score + 1e-9


def test_finishing_everything_that_builds_a_role_gives_exactly_100(shipped: Curriculum) -> None:
    for role in shipped.roles.values():
        skills = {a.skill_id for a in role.areas}
        builders = [i for i in shipped.items.values() if skills & set(i.skills)]
        statuses = {i.id: "done" for i in builders}
        evidence = {i.id for i in builders if i.is_milestone}
        assert ReadinessModel(shipped, statuses, evidence).role(role.id).score == 100.0
        without_proof = ReadinessModel(shipped, statuses, set()).role(role.id).score
        assert without_proof < 100.0


def test_tracker_target_roles(data_dir: Path, small_pack: Path) -> None:
    with Tracker.open(data_dir, small_pack) as t:
        assert t.target_roles() == []
        t.set_target_roles("explainer", ["builder", "explainer"])
        assert t.target_roles() == ["explainer", "builder"]
        with pytest.raises(TrackerError, match="wizard"):
            t.set_target_roles("wizard")
    with Tracker.open(data_dir, small_pack) as t:
        assert t.primary_role() == "explainer"
        t.set_status("demo-start", "done")
        t.add_evidence("demo-start", "https://example.org/demo")
        assert t.readiness().role("builder").score == pytest.approx(0.6 * 100 * 2 / 5)
