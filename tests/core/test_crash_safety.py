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
from pathlib import Path

from cairn.store.recovery import full_check

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
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(data_dir)],
                              stdout=subprocess.PIPE, text=True)
    assert writer.stdout is not None
    assert writer.stdout.readline().strip() == "ready"
    first = writer.stdout.readline()  # the ORM is loaded and writing: now kill at random
    time.sleep(rng.uniform(0.0, 0.3))
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=30)
    acks = []
    for line in [first, *writer.stdout.read().splitlines()]:
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
        conn = sqlite3.connect(db)
        history = Counter(dict(conn.execute(
            "SELECT content_id, count(*) FROM status_change GROUP BY content_id").fetchall()))
        states = dict(conn.execute("SELECT content_id, status FROM item_state").fetchall())
        latest = dict(conn.execute(
            "SELECT content_id, new_status FROM status_change s WHERE id = "
            "(SELECT max(id) FROM status_change WHERE content_id = s.content_id)").fetchall())
        conn.close()
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
