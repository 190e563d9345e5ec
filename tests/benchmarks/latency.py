"""Latency in the real window at size: a status change until the views have repainted, and a
page visit until it has painted, on the generated data (large.py), offscreen.

    python tests/benchmarks/latency.py [--size large|small] [--repeats 20] [--cache DIR]

For each page (Today, a week, a month, the whole path, a role track, readiness, history) the
window shows the page, then changes one item's status through `MainWindow.request_status`
(what a click in a list does: one undoable operation) `--repeats` times, done ↔ doing, and
times each change until the event queue is empty again (posted events and repaints
processed). A warm-up change comes first (it takes the hourly backup). Prints the median and
95th percentile per page, the time of the page visits (the first one builds the page; later
ones reuse it), and "outside": another tracker on the same folder (as `cairn mark` in a
terminal would) changes a status, and the window's watch notices it and redraws in place
(median of 5). Ends with the memory in use once every page was visited.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from functools import partial
from pathlib import Path

from large import SIZES, open_tracker, prepare


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (share 0.95: the 95th)."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))]


def settle() -> None:
    """Process events until nothing is left to do (posted events, updates, paints)."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    for _ in range(3):
        QCoreApplication.sendPostedEvents()
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)


def _rss_mib() -> float:
    """The process's resident memory now, in MiB (Linux; 0 elsewhere)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def timed(action: Callable[[], object]) -> float:
    """Seconds from starting `action` until the window has settled."""
    start = time.perf_counter()
    action()
    settle()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", choices=sorted(SIZES), default="large")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--cache", type=Path, help="keep the generated folders here")
    parser.add_argument("--profile", type=Path, help="write cProfile stats of the changes here")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    with tempfile.TemporaryDirectory() as scratch:
        root = args.cache or Path(scratch) / "generated"
        prepared = prepare(SIZES[args.size], root, seed=args.seed, fast=True)
        data_dir = Path(scratch) / "data"
        shutil.copytree(prepared.data_dir, data_dir)
        return measure(data_dir, args.repeats, args.size, args.profile)


def measure(data_dir: Path, repeats: int, size: str, profile: Path | None = None) -> int:
    from cairn.gui.app import create_application
    from cairn.gui.window.main_window import MainWindow
    from cairn.gui.window.navigation import Node

    app = create_application([sys.argv[0]])
    tracker = open_tracker(data_dir)
    window = MainWindow(tracker)
    window.resize(1400, 900)
    window.show()
    settle()
    gc.freeze()  # as `cairn` does once the window has painted (see __main__.py)
    curriculum = tracker.curriculum
    role = curriculum.roles[tracker.primary_role()]
    weighed = {area.skill_id for area in role.areas}
    week = curriculum.weeks["w10"]
    item = next(
        i.id
        for i in curriculum.week_items(week.id)
        if tracker.status(i.id) == "done" and weighed & set(i.skills)
    )
    pages = {
        "today": Node("group", "today"),
        "week": Node("week", week.id),
        "month": Node("month", week.month_id),
        "whole path": Node("group", "path"),
        "role": Node("role", role.id),
        "readiness": Node("group", "readiness"),
        "history": Node("group", "history"),
    }
    with closing(sqlite3.connect(data_dir / "cairn.sqlite3")) as db:  # not through Python objects
        events = db.execute("SELECT count(*) FROM status_change").fetchone()[0]
    print(
        f"{size}: {len(curriculum.items)} items, {len(curriculum.roles)} roles, "
        f"{events} events; item {item}; "
        f"load {os.getloadavg()[0]:.2f} ({os.cpu_count()} CPUs)"
    )
    statuses = ["doing", "done"]
    rows: dict[str, list[float]] = {}
    for name, node in pages.items():
        first = timed(partial(window.show_node, node))
        visits = []
        for _ in range(3):
            window.show_node(pages["week"] if name != "week" else pages["month"])
            settle()
            visits.append(timed(partial(window.show_node, node)))
        changes = []
        profiler = cProfile.Profile() if profile else None
        for turn in range(repeats + 1):
            if profiler and turn:
                profiler.enable()
            spent = timed(partial(window.request_status, item, statuses[turn % 2]))
            if profiler:
                profiler.disable()
            if turn:  # the first change takes the hourly backup
                changes.append(spent)
        if profiler and profile:
            profiler.dump_stats(profile.with_name(f"{profile.stem}-{name.replace(' ', '_')}.prof"))
        rows[name] = [first, statistics.median(visits), statistics.median(changes)]
        rows[name].append(percentile(changes, 0.95))
    memory = _rss_mib()  # the window after every page, before a second tracker is opened
    other = open_tracker(data_dir)  # another process: `cairn mark` in a terminal
    elsewhere = next(i.id for i in curriculum.week_items("w11") if i.id != item)
    for name, node in pages.items():
        window.show_node(node)
        settle()
        outside = []
        for turn in range(5):
            other.set_status(elsewhere, statuses[turn % 2])
            outside.append(timed(window.safety.notice_outside_changes))
        rows[name].append(statistics.median(outside))
    other.close()
    print(
        f"{'page':<12} {'first visit':>12} {'visit p50':>10} {'change p50':>11} {'p95':>8}"
        f" {'outside p50':>12}"
    )
    for name, row in rows.items():
        ms = [1000 * t for t in row]
        print(
            f"{name:<12} {ms[0]:>10.1f}ms {ms[1]:>8.1f}ms {ms[2]:>9.1f}ms {ms[3]:>6.1f}ms"
            f" {ms[4]:>10.1f}ms"
        )
    print(f"memory in use after visiting every page (VmRSS): {memory:.0f} MiB")
    window.close()
    tracker.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
