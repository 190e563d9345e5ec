"""The benchmark data generator (tests/benchmarks/large.py) at a small size: its pack passes
`cairn validate` and is added like File → Add curriculum pack…, the history holds exactly the
events and sessions asked for, the same seed gives the same data, and the fast writer stores
the same rows as the tracker."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections import Counter
from contextlib import closing
from pathlib import Path

from benchmarks.large import (
    HISTORY_END,
    HISTORY_START,
    add_pack,
    fill_history,
    make_large_pack,
    open_tracker,
    status_batches,
)

ITEMS, ROLES, READINGS = 260, 9, 270
EVENTS, SESSIONS = 1_500, 60


def _pack(folder: Path, seed: int = 1) -> Path:
    return make_large_pack(folder, items=ITEMS, roles=ROLES, readings=READINGS, seed=seed)


def _filled(root: Path, *, fast: bool) -> Path:
    data_dir = root / "data"
    add_pack(data_dir, _pack(root / "pack"))
    fill_history(data_dir, events=EVENTS, sessions=SESSIONS, fast=fast)
    return data_dir


def _rows(data_dir: Path) -> dict[str, list[tuple[object, ...]]]:
    with closing(sqlite3.connect(data_dir / "cairn.sqlite3")) as connection:
        return {
            table: connection.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
            for table in ("item_state", "status_change", "study_session", "setting")
        }


def test_the_pack_validates_and_adds_like_the_window(tmp_path: Path) -> None:
    pack = _pack(tmp_path / "pack")
    done = subprocess.run(
        [sys.executable, "-m", "cairn", "validate", str(pack)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert f"{ITEMS} items and milestones, {READINGS} readings, {ROLES} roles" in done.stdout

    installed = add_pack(tmp_path / "data", pack)
    assert installed == tmp_path / "data" / "packs" / "bench-large"
    with open_tracker(tmp_path / "data") as tracker:
        assert not tracker.disabled_packs
        curriculum = tracker.curriculum
        assert (len(curriculum.items), len(curriculum.roles), len(curriculum.readings)) == (
            ITEMS,
            ROLES,
            READINGS,
        )
        added = [i for i in curriculum.items.values() if i.id.startswith("bench-")]
        assert len({i.week_id for i in added}) == 26  # spread over every week
        assert any(i.project_id for i in added) and any(i.requires for i in added)


def test_the_same_seed_writes_the_same_pack(tmp_path: Path) -> None:
    first, again, other = (_pack(tmp_path / n, s) for n, s in (("a", 1), ("b", 1), ("c", 2)))
    files = sorted(p.relative_to(first) for p in first.rglob("*.toml"))

    def texts(folder: Path) -> list[str]:
        return [(folder / f).read_text(encoding="utf-8") for f in files]

    assert texts(first) == texts(again)
    assert texts(first) != texts(other)


def test_the_batches_hold_every_event_as_a_real_change() -> None:
    order = [f"item-{n}" for n in range(300)]
    batches = status_batches(order, 2_000, seed=3)
    assert sum(len(b) for _, b in batches) == 2_000
    moments = [m for m, _ in batches]
    assert moments == sorted(moments) and HISTORY_START <= moments[0] < moments[-1] < HISTORY_END
    state: dict[str, str] = {}
    for _, batch in batches:
        for ident, status in batch.items():
            assert state.get(ident, "todo") != status
            state[ident] = status
    assert status_batches(order, 2_000, seed=3) == batches


def test_the_history_holds_what_was_asked(tmp_path: Path) -> None:
    data_dir = _filled(tmp_path, fast=False)
    with open_tracker(data_dir) as tracker:
        history = tracker.all_history()
        assert sum(len(entries) for entries in history.values()) == EVENTS
        sessions = tracker.sessions()
        assert len(sessions) == SESSIONS
        assert min(s.started_at for s in sessions) >= HISTORY_START
        assert max(s.started_at for s in sessions) <= HISTORY_END
        counts = Counter(tracker.statuses().values())
        assert counts["done"] > ITEMS // 2
        assert tracker.plan_settings() is not None
        assert tracker.primary_role().startswith("bench-role-")


def test_the_fast_writer_stores_the_same_rows(tmp_path: Path) -> None:
    slow = _rows(_filled(tmp_path / "slow", fast=False))
    quick = _rows(_filled(tmp_path / "fast", fast=True))
    assert len(slow["status_change"]) == EVENTS
    assert quick == slow
