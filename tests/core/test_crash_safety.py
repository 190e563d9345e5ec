"""Kill a writer with SIGKILL at random moments, many times: every change it acknowledged is
still there, each change is whole (status and its history together), and the file is sound."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from contextlib import closing
from pathlib import Path

import pytest

from cairn.cli import run
from cairn.locations import curriculum_dir
from cairn.store.recovery import full_check
from cairn.tracker import Tracker

ROUNDS = 12

WRITER = """
import sys
from pathlib import Path
from cairn.locations import curriculum_dir
from cairn.tracker import Tracker

tracker = Tracker.open(Path(sys.argv[1]), curriculum_dir())
items = list(tracker.curriculum.items)[:40]
cycle = {"todo": "doing", "doing": "done", "done": "skipped", "skipped": "todo"}
print("ready", flush=True)
step = 0
while True:
    item = items[step % len(items)]
    new = cycle[tracker.status(item)]
    tracker.set_status(item, new)
    if step % 7 == 0:
        tracker.set_note(item, f"note {step}")
    print(f"ack {item} {new}", flush=True)
    step += 1
"""


def _run_and_kill(data_dir: Path, rng: random.Random) -> list[tuple[str, str]]:
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(data_dir)], stdout=subprocess.PIPE, text=True
    )
    assert writer.stdout is not None
    assert writer.stdout.readline().strip() == "ready"
    first = writer.stdout.readline()  # the ORM is loaded and writing: now kill at random
    time.sleep(rng.uniform(0.0, 0.3))
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=30)
    with writer.stdout:
        rest = writer.stdout.read().splitlines()
    acks = []
    for line in [first, *rest]:
        parts = line.split()
        if len(parts) == 3 and parts[0] == "ack":  # a torn last line was never acknowledged
            acks.append((parts[1], parts[2]))
    return acks


def test_sigkill_never_loses_an_acknowledged_change(tmp_path: Path) -> None:
    rng = random.Random(20261123)
    data_dir = tmp_path / "data"
    acknowledged: Counter[str] = Counter()
    total = 0
    rows_before = 0
    for _ in range(ROUNDS):
        acks = _run_and_kill(data_dir, rng)
        total += len(acks)
        for item, _status in acks:
            acknowledged[item] += 1
        db = data_dir / "cairn.sqlite3"
        with closing(sqlite3.connect(db)) as conn:
            history = Counter(
                dict(
                    conn.execute(
                        "SELECT content_id, count(*) FROM status_change GROUP BY content_id"
                    ).fetchall()
                )
            )
            states = dict(conn.execute("SELECT content_id, status FROM item_state").fetchall())
            latest = dict(
                conn.execute(
                    "SELECT content_id, new_status FROM status_change s WHERE id = "
                    "(SELECT max(id) FROM status_change WHERE content_id = s.content_id)"
                ).fetchall()
            )
        for item, count in acknowledged.items():
            assert count <= history[item], f"an acknowledged change to {item} was lost"
        rows = sum(history.values())
        # at most one change per kill was saved but not yet acknowledged
        assert rows - rows_before - len(acks) in (0, 1)
        rows_before = rows
        for item, status in states.items():
            assert latest[item] == status, "a status and its history entry belong together"
        assert full_check(db) == []
    assert total > 10 * ROUNDS, "the writer should have acknowledged many changes"


SLOW_ROUNDS = 60

COMMAND_WRITER = """
import io
import sys
from pathlib import Path
from cairn.cli import run
from cairn.locations import curriculum_dir
from cairn.tracker import Tracker

folder, export = sys.argv[1], sys.argv[2]
with Tracker.open(Path(folder), curriculum_dir()) as t:
    items = [i.id for i in t.curriculum.items.values() if not i.is_milestone][:20]
    milestones = [i.id for i in t.curriculum.items.values() if i.is_milestone][:5]
cycle = ["todo", "doing", "done", "skipped"]
print("ready", flush=True)
step = int(sys.argv[3])
while True:
    item = items[step % len(items)]
    kind = ("mark", "note", "evidence", "log", "import")[step % 5]
    if kind == "mark":
        args = ["mark", item, cycle[(step // 20 + 1) % 4]]
    elif kind == "note":
        args = ["note", item, f"note-{step}"]
    elif kind == "evidence":
        args = ["evidence", milestones[step % 5], f"https://example.org/proof/{step}"]
    elif kind == "log":
        args = ["log", item, str(1 + step % 90)]
    else:
        args = ["import", export, "--as-restore"]  # the learner's data from another laptop
    said = io.StringIO()
    code = run(["--data-dir", folder, *args], stdout=said)
    if code == 0 and not (kind == "mark" and "->" not in said.getvalue()):
        print(f"ack {kind} {step} {' '.join(args[1:3])}", flush=True)
    step += 1
"""


def _acknowledged(lines: list[str]) -> list[list[str]]:
    return [
        parts for parts in (line.split() for line in lines) if len(parts) >= 4 and parts[0] == "ack"
    ]  # a torn last line was never acknowledged


def _one_round(folder: Path, export: Path, start: int, rng: random.Random) -> list[list[str]]:
    writer = subprocess.Popen(
        [sys.executable, "-c", COMMAND_WRITER, str(folder), str(export), str(start)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert writer.stdout is not None
    assert writer.stdout.readline().strip() == "ready"
    first = writer.stdout.readline()
    time.sleep(rng.uniform(0.0, 0.4))
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=30)
    with writer.stdout:
        return _acknowledged([first, *writer.stdout.read().splitlines()])


@pytest.mark.slow
def test_sigkill_during_every_write_command_loses_nothing(tmp_path: Path) -> None:
    """60 kills at random moments while `mark`, `note`, `evidence`, `log` and `import` run:
    every acknowledged change is there, and the file passes the full check each time."""
    folder = tmp_path / "data"
    export = tmp_path / "export.json"
    with Tracker.open(tmp_path / "seed", curriculum_dir()) as seed:
        seed.log_study(next(iter(seed.curriculum.items)), 25)
    assert (
        run(
            [
                "--data-dir",
                str(tmp_path / "seed"),
                "export",
                "--format",
                "json",
                "--out",
                str(export),
            ]
        )
        == 0
    )
    rng = random.Random(20261130)
    step = 0
    acks: list[list[str]] = []
    for _ in range(SLOW_ROUNDS):
        round_acks = _one_round(folder, export, step, rng)
        acks += round_acks
        step = max([int(a[2]) for a in round_acks] + [step]) + 2  # skip the one maybe in flight
        db = folder / "cairn.sqlite3"
        assert full_check(db) == []
        with closing(sqlite3.connect(db)) as conn:
            history = Counter(
                dict(
                    conn.execute(
                        "SELECT content_id, count(*) FROM status_change GROUP BY content_id"
                    ).fetchall()
                )
            )
            notes = dict(conn.execute("SELECT content_id, body FROM note").fetchall())
            links = {row[0] for row in conn.execute("SELECT url FROM evidence")}
            sessions = conn.execute("SELECT count(*) FROM study_session").fetchone()[0]
        marks = Counter(a[3] for a in acks if a[1] == "mark")
        for item, count in marks.items():
            assert history[item] >= count, f"an acknowledged status of {item} was lost"
        for a in acks:
            if a[1] == "note":
                assert int(notes[a[3]].removeprefix("note-")) >= int(a[2])
            elif a[1] == "evidence":
                assert f"https://example.org/proof/{a[2]}" in links
        logged = sum(1 for a in acks if a[1] == "log") + any(a[1] == "import" for a in acks)
        assert sessions >= logged, "an acknowledged study session was lost"
    kinds = Counter(a[1] for a in acks)
    assert set(kinds) == {"mark", "note", "evidence", "log", "import"}, kinds
    assert len(acks) > SLOW_ROUNDS
