"""Start-up time and memory, against a bare PySide6 window timed in the same run.

    python tests/benchmarks/startup.py [--runs 10] [--quick] [--large CACHE]

Three cases, each `python -m cairn --quit-after-start` end to end, offscreen:
- *3 months*: a data folder with three months of progress (the database exists, no migration);
- *first run*: an empty data folder (the database is made at start);
- *bare Qt*: a QApplication with one empty QMainWindow, painted once, then exits;
- with `--large CACHE`: the large generated pack and history (large.py; built once into CACHE).
Bytecode is compiled in the warm-up run and kept (as an installed copy has it).
Prints, per case, the median and best time from launch to first paint and to exit, the peak
memory (max RSS of the process), and the ratio of Cairn's median first paint to bare Qt's.
`--quick` does one run of each (CI runs it so the script cannot rot; its figures mean nothing).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

BARE_QT = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1200, 800)
window.show()
def painted():
    print(f"painted-at {time.time()}", flush=True)
    app.quit()
QTimer.singleShot(0, painted)
app.exec()
"""


@dataclass
class Case:
    name: str
    command: list[str]
    fresh_folder: bool = False  # the data folder is emptied before every run


@dataclass
class Figures:
    exits: list[float]
    paints: list[float]
    rss_mib: list[float]


def _prepare(data_dir: Path) -> None:
    from cairn.locations import curriculum_dir
    from cairn.tracker import Tracker

    with Tracker.open(data_dir, curriculum_dir()) as tracker:
        for month in ("m1", "m2", "m3"):
            for item in tracker.curriculum.month_items(month):
                tracker.set_status(item.id, "done")
                tracker.set_note(item.id, "A note of a few words about " + item.title)


def _run_once(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """(seconds to exit, seconds to first paint, peak RSS in MiB) of one run."""
    launched = time.time()
    start = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    out = process.stdout.read() if process.stdout else ""
    err = process.stderr.read() if process.stderr else ""
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {err[-2000:]}")
    marker = next(line for line in out.splitlines() if line.startswith("painted-at "))
    return elapsed, float(marker.split()[1]) - launched, usage.ru_maxrss / 1024


def _measure(case: Case, runs: int, env: dict[str, str], folder: Path) -> Figures:
    figures = Figures([], [], [])
    for _ in range(runs):
        if case.fresh_folder:
            for child in sorted(folder.rglob("*"), reverse=True):
                child.unlink() if child.is_file() else child.rmdir()
        exited, painted, rss = _run_once(case.command, env)
        figures.exits.append(exited)
        figures.paints.append(painted)
        figures.rss_mib.append(rss)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--quick", action="store_true", help="one run each, for CI")
    parser.add_argument(
        "--large",
        type=Path,
        metavar="CACHE",
        help="also start on the large generated data (large.py), kept in this folder",
    )
    args = parser.parse_args()
    runs = 1 if args.quick else args.runs
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    with tempfile.TemporaryDirectory() as folder:
        # Bytecode compiled once and kept, as an installed copy has it (pip compiles at
        # install): with PYTHONDONTWRITEBYTECODE a source checkout would recompile every
        # edited module in every run, which no learner's start-up pays.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(folder) / "bytecode")
        months, empty = Path(folder) / "months", Path(folder) / "empty"
        empty.mkdir()
        env["XDG_CACHE_HOME"] = str(Path(folder) / "cache")  # a warm cache, as on any 2nd start
        _prepare(months)
        cairn = [sys.executable, "-m", "cairn", "--quit-after-start", "--data-dir"]
        cases = [
            Case("bare Qt window", [sys.executable, "-c", BARE_QT]),
            Case("3 months of progress", [*cairn, str(months)]),
            Case("empty folder (first run)", [*cairn, str(empty)], fresh_folder=True),
        ]
        if args.large:
            from large import LARGE, prepare

            large = Path(folder) / "large"
            shutil.copytree(prepare(LARGE, args.large, fast=True).data_dir, large)
            cases.append(Case("5k items, 200k events", [*cairn, str(large)]))
        for case in cases:  # warm the OS file cache
            _run_once(case.command, env)
        results = {case.name: _measure(case, runs, env, empty) for case in cases}
    bare = statistics.median(results["bare Qt window"].paints)
    print(f"{runs} runs each, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")
    for name, figures in results.items():
        paint_median = statistics.median(figures.paints)
        print(
            f"{name:26} first paint: median {paint_median:.3f} s ({paint_median / bare:.1f}× "
            f"bare Qt), best {min(figures.paints):.3f} s · exit: median "
            f"{statistics.median(figures.exits):.3f} s · peak memory "
            f"{statistics.median(figures.rss_mib):.0f} MiB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
