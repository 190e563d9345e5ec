"""The tracker keeps one readiness model until a change it depends on (statuses, evidence,
choices, a reload), so every view shares it; after any such change it is built afresh."""

from __future__ import annotations

from pathlib import Path

from cairn.locations import curriculum_dir
from cairn.readiness import ReadinessModel
from cairn.tracker import Tracker


def _fresh(tracker: Tracker) -> ReadinessModel:
    proven = {e.content_id for e in tracker.evidence_links()} | tracker.verified_ids()
    return ReadinessModel(tracker.counted, tracker.statuses(), frozenset(proven))


def _same(a: ReadinessModel, b: ReadinessModel) -> bool:
    return [(r.role_id, r.score) for r in a.roles()] == [(r.role_id, r.score) for r in b.roles()]


def test_one_model_until_a_change_it_depends_on(tmp_path: Path) -> None:
    with Tracker.open(tmp_path / "data", curriculum_dir()) as tracker:
        first = tracker.readiness()
        assert tracker.readiness() is first  # shared by every view until something changes
        milestone = next(i.id for i in tracker.curriculum.items.values() if i.is_milestone)
        group = next(iter(tracker.curriculum.choices.values()))
        steps = [
            lambda: tracker.set_status(milestone, "done"),
            lambda: tracker.add_evidence(milestone, "https://example.org/proof"),
            lambda: tracker.remove_evidence(tracker.evidence(milestone)[0].id),
            lambda: tracker.choose(group.id, [group.options[-1].id]),
            lambda: tracker.set_statuses({milestone: "todo"}),
            tracker.reload,
        ]
        before = first
        for step in steps:
            step()
            now = tracker.readiness()
            assert now is not before and _same(now, _fresh(tracker))
            before = now
