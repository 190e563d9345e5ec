"""Start-up time: how long until the window with the learner's data has painted, then exits.

    python tests/benchmarks/startup.py [--runs 10]

Prepares a data folder with progress on a month of items (so the database exists and no
migration is due), then times `python -m cairn --quit-after-start` end to end, offscreen.
Prints the median and the best run, and the in-process import time of the first screen.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _prepare(data_dir: Path) -> None:
    from cairn.locations import curriculum_dir
    from cairn.tracker import Tracker

    with Tracker.open(data_dir, curriculum_dir()) as tracker:
        for item in tracker.curriculum.month_items("m1"):
            tracker.set_status(item.id, "done")
            tracker.set_note(item.id, "A note of a few words about " + item.title)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        _prepare(data_dir)
        command = [sys.executable, "-m", "cairn", "--data-dir", str(data_dir), "--quit-after-start"]
        subprocess.run(command, env=env, check=True, capture_output=True)  # warm the OS cache
        times, paints = [], []
        for _ in range(args.runs):
            launched = time.time()
            start = time.perf_counter()
            done = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
            times.append(time.perf_counter() - start)
            marker = next(
                line for line in done.stdout.splitlines() if line.startswith("painted-at ")
            )
            paints.append(float(marker.split()[1]) - launched)
        imports = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", "import cairn.gui.app"],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stderr.splitlines()
    top = [line for line in imports if line.rstrip().endswith("| cairn.gui.app")]
    cumulative = int(top[-1].split("|")[1]) / 1e6 if top else float("nan")
    print(
        f"launch to first paint: median {statistics.median(paints):.3f} s, best {min(paints):.3f} s"
    )
    print(
        f"launch to exit: median {statistics.median(times):.3f} s, "
        f"best {min(times):.3f} s over {args.runs} runs ({os.cpu_count()} CPUs)"
    )
    print(f"import of the first screen (cairn.gui.app): {cumulative:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
