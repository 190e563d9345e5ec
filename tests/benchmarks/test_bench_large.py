"""Cairn at size (issue 15): the shipped pack plus a generated pack and a long history, at a
small and a large size (see large.py: SMALL 500 items / 10k events, LARGE 5,411 items /
200k events / 5k sessions), so that growth shows.

    pytest tests/benchmarks/test_bench_large.py -p no:cacheprovider
    CAIRN_BENCH_QUICK=1 pytest tests/benchmarks/test_bench_large.py   # SMALL only, 1 round (CI)
    CAIRN_BENCH_CACHE=/tmp/cairn-bench pytest ...   # keep the generated folders between runs

Pytest-benchmark groups each figure, so a row per size sits side by side. The generated
folders are built once a session (the LARGE one in about 15 s: the history is written with
`fill_history(fast=True)`, the same rows as through the tracker) and copied before use, so no
benchmark changes them.
"""

from __future__ import annotations

import inspect
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from large import LARGE, SMALL, Prepared, Size, open_tracker, prepare

from cairn.locations import curriculum_dir
from cairn.packs import load_packs
from cairn.tracker import Tracker

QUICK = os.environ.get("CAIRN_BENCH_QUICK") == "1"
SIZES_RUN: list[Size] = [SMALL] if QUICK else [SMALL, LARGE]
#: Rounds of an in-process figure, of a slow one (exports, the window) and of a subprocess.
ROUNDS = 1 if QUICK else 7
SLOW_ROUNDS = 1 if QUICK else 3
PROCESS_ROUNDS = 1 if QUICK else 5
WARMUP = 0 if QUICK else 1


def measure(benchmark: Any, target: Callable[[], Any], rounds: int = ROUNDS) -> Any:
    """Time `target` for a few rounds (after one warm-up round unless quick)."""
    return benchmark.pedantic(target, rounds=rounds, iterations=1, warmup_rounds=WARMUP)


# --- data ------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def bench_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where generated folders live: $CAIRN_BENCH_CACHE (kept between runs) or a temp dir."""
    cached = os.environ.get("CAIRN_BENCH_CACHE")
    return Path(cached) if cached else tmp_path_factory.mktemp("cairn-bench")


@pytest.fixture(scope="session", params=SIZES_RUN, ids=lambda size: size.name)
def prepared(request: pytest.FixtureRequest, bench_root: Path) -> Prepared:
    """The generated pack and filled data folder of one size (built once per key)."""
    return prepare(request.param, bench_root, fast=True)


@pytest.fixture(scope="session")
def work_dir(prepared: Prepared, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the prepared data folder that the read-only benchmarks use."""
    target = tmp_path_factory.mktemp(f"work-{prepared.size.name}") / "data"
    shutil.copytree(prepared.data_dir, target)
    return target


@pytest.fixture(scope="session")
def tracker(work_dir: Path) -> Iterator[Tracker]:
    """The learner's tracker on the copy, its clock at the end of the history."""
    opened = open_tracker(work_dir)
    yield opened
    opened.close()


def _check_size(tracker: Tracker, size: Size) -> None:
    assert len(tracker.curriculum.items) == size.items
    assert len(tracker.curriculum.roles) == size.roles


# --- in process ------------------------------------------------------------------------------


@pytest.mark.benchmark(group="load curriculum (shipped + pack)")
def test_load_curriculum(benchmark: Any, work_dir: Path, prepared: Prepared) -> None:
    curriculum, disabled = measure(benchmark, lambda: load_packs(curriculum_dir(), work_dir))
    assert not disabled
    assert len(curriculum.items) == prepared.size.items


@pytest.mark.benchmark(group="open the tracker")
def test_open_tracker(benchmark: Any, work_dir: Path, prepared: Prepared) -> None:
    def open_and_close() -> int:
        with open_tracker(work_dir) as opened:
            return len(opened.statuses())

    assert measure(benchmark, open_and_close) > prepared.size.items // 2


@pytest.mark.benchmark(group="readiness + next steps, all roles")
def test_readiness_and_next_steps(benchmark: Any, tracker: Tracker, prepared: Prepared) -> None:
    """Computed afresh, as after a status change: the tracker keeps one model until a change
    it depends on, so each round starts from a re-read (not timed)."""
    _check_size(tracker, prepared.size)

    def afresh() -> None:
        tracker.reload()  # forgets the kept model, as a status change does
        assert tracker.counted  # the counted curriculum is kept across a status change

    def everything() -> int:
        model = tracker.readiness()
        return sum(len(model.next_steps(role, limit=10)) for role in tracker.curriculum.roles)

    steps = benchmark.pedantic(everything, setup=afresh, rounds=ROUNDS, warmup_rounds=WARMUP)
    assert steps > 0


@pytest.mark.benchmark(group="History page data")
def test_history_data(benchmark: Any, tracker: Tracker, prepared: Prepared) -> None:
    from cairn.gui.history.page import history_data

    data = measure(benchmark, lambda: history_data(tracker, prepared.today))
    assert data.study.minutes_total > 0


def _export_snapshot(tracker: Tracker, fmt: str) -> Any:
    """The snapshot an export of `fmt` reads, as the export dialog and `cairn export` take it
    (only JSON lists every status event, where the tracker can leave them out)."""
    if "with_history" in inspect.signature(tracker.snapshot).parameters:
        return tracker.snapshot(with_history=fmt == "json")
    return tracker.snapshot()


@pytest.mark.parametrize("fmt", ["json", "md", "html"])
def test_render_text(benchmark: Any, tracker: Tracker, prepared: Prepared, fmt: str) -> None:
    from cairn.reports.export import render_text

    benchmark.group = f"export {fmt} (snapshot + render)"
    text = measure(benchmark, lambda: render_text(_export_snapshot(tracker, fmt), fmt), SLOW_ROUNDS)
    assert "Bench Learner" in text


@pytest.mark.benchmark(group="export pdf (snapshot + render + print)")
def test_export_pdf(benchmark: Any, tracker: Tracker, tmp_path: Path) -> None:
    from cairn.reports.export import export

    target = tmp_path / "summary.pdf"
    measure(benchmark, lambda: export(_export_snapshot(tracker, "pdf"), "pdf", target), SLOW_ROUNDS)
    assert target.read_bytes().startswith(b"%PDF")


# --- as the learner runs it ------------------------------------------------------------------


def _cairn(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "cairn", "--data-dir", str(data_dir), *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )


@pytest.mark.benchmark(group="cairn status --json (process)")
def test_cli_status_json(benchmark: Any, work_dir: Path, prepared: Prepared) -> None:
    done = measure(benchmark, lambda: _cairn(work_dir, "status", "--json"), PROCESS_ROUNDS)
    assert len(json.loads(done.stdout)["roles"]) == prepared.size.roles


@pytest.mark.benchmark(group="cairn mark (process)")
def test_cli_mark(benchmark: Any, prepared: Prepared, tmp_path: Path) -> None:
    """Each round changes one finished item (done ↔ doing); the warm-up round takes the
    hourly backup that the first change of a session makes."""
    data_dir = tmp_path / "data"
    shutil.copytree(prepared.data_dir, data_dir)
    with open_tracker(data_dir, read_only=True) as opened:
        item = next(i for i, s in opened.statuses().items() if s == "done")
    wanted = iter(["doing", "done"] * 10)

    def mark() -> str:
        return _cairn(data_dir, "mark", item, next(wanted)).stdout

    assert "->" in measure(benchmark, mark, PROCESS_ROUNDS)


@pytest.mark.benchmark(group="window start to exit (process)")
def test_window_start(benchmark: Any, work_dir: Path) -> None:
    done = measure(benchmark, lambda: _cairn(work_dir, "--quit-after-start"), SLOW_ROUNDS)
    assert "painted-at" in done.stdout
