"""Speed of the work behind the first screen and the reports (pytest-benchmark).

Run with: pytest tests/benchmarks
(the normal test run skips benchmarks)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cairn.content import load_curriculum
from cairn.locations import curriculum_dir
from cairn.reports.export import render_text
from cairn.tracker import Tracker


@pytest.fixture(scope="module")
def busy_tracker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tracker]:
    """Three months done with notes, two target roles; closed after the module."""
    tracker = Tracker.open(tmp_path_factory.mktemp("bench"), curriculum_dir())
    for month in ("m1", "m2", "m3"):
        for item in tracker.curriculum.month_items(month):
            tracker.set_status(item.id, "done")
            tracker.set_note(item.id, f"Notes on {item.title}: " + "lorem ipsum " * 40)
    tracker.set_target_roles("llm-engineer", ["applied-scientist"])
    yield tracker
    tracker.close()


def test_load_the_shipped_curriculum(benchmark) -> None:  # type: ignore[no-untyped-def]
    curriculum = benchmark(load_curriculum, [curriculum_dir()])
    assert len(curriculum.items) > 200


def test_open_the_tracker(benchmark, busy_tracker: Tracker) -> None:  # type: ignore[no-untyped-def]
    data_dir = busy_tracker.data_dir
    assert data_dir is not None

    def open_and_close() -> int:
        with Tracker.open(Path(data_dir), curriculum_dir()) as tracker:
            count = len(tracker.statuses())
        return count

    assert benchmark(open_and_close) > 90


def test_readiness_and_next_steps_for_every_role(benchmark, busy_tracker: Tracker) -> None:  # type: ignore[no-untyped-def]
    def everything() -> int:
        model = busy_tracker.readiness()
        return sum(len(model.next_steps(r, limit=10)) for r in busy_tracker.curriculum.roles)

    assert benchmark(everything) > 0


def test_render_the_html_summary(benchmark, busy_tracker: Tracker) -> None:  # type: ignore[no-untyped-def]
    html = benchmark(render_text, busy_tracker.snapshot(), "html")
    assert "Learning journal" in html


@pytest.fixture(scope="module")
def large_learner_snapshot(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The large realistic learner of tests/learners.py (every month, long notes, ~260
    study sessions), as a snapshot."""
    from learners import large_learner

    learner = large_learner(tmp_path_factory.mktemp("large") / "data")
    with learner.open() as tracker:
        return tracker.snapshot()


def test_render_the_pdf_summary_of_a_large_learner(  # type: ignore[no-untyped-def]
    benchmark, large_learner_snapshot, tmp_path: Path
) -> None:
    from cairn.reports.export import export

    target = tmp_path / "summary.pdf"
    benchmark.pedantic(export, args=(large_learner_snapshot, "pdf", target), rounds=3, iterations=1)
    assert target.read_bytes().startswith(b"%PDF")
