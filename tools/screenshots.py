"""Regenerate the README screenshots: `python tools/screenshots.py` (no display needed).

Builds a throwaway data folder with a few weeks of progress, opens the real window offscreen at
1440x900 and saves every main view in BOTH themes as docs/<view>-<theme>.png: today, week (a
week's checklist with an item shown), month, path (the whole path), projects, role, readiness,
history, readings and choice (week 23, where the specialisation is chosen).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _sample_progress(data_dir: Path) -> None:
    from datetime import date, datetime, timedelta

    from cairn.locations import curriculum_dir
    from cairn.tracker import Tracker

    tracker = Tracker.open(data_dir, curriculum_dir())
    start = date.today() - timedelta(days=16)
    tracker.set_plan(start, 10)
    tracker.set_setting("plan_asked", True)
    tracker.set_target_roles("llm-engineer", ["ai-product-engineer"])
    for day, minutes in (
        (0, 90),
        (1, 45),
        (3, 120),
        (5, 60),
        (7, 75),
        (8, 50),
        (10, 100),
        (12, 40),
        (14, 95),
        (15, 60),
    ):
        tracker.log_study(
            "python-project-skeleton",
            minutes,
            started_at=datetime.combine(start + timedelta(days=day), datetime.min.time()).replace(
                hour=19
            ),
        )
    week1, week2 = tracker.curriculum.week_items("w01"), tracker.curriculum.week_items("w02")
    for item in [*week1, *week2[:2]]:
        tracker.set_status(item.id, "done")
    tracker.set_status(week2[2].id, "doing")
    tracker.set_status(week2[3].id, "skipped")
    tracker.set_note(
        week2[2].id,
        "Streaming clicked once I printed **every event** as it arrived.\n\n"
        "Question for my mentor: should the extractor rely on one provider's structured "
        "output, or validate every reply myself?",
    )
    milestone = tracker.curriculum.project_items("warmup-extraction")[0].id
    tracker.set_status(milestone, "done")
    tracker.add_evidence(milestone, "https://github.com/ada/pdf-extraction")
    tracker.set_setting("last_view", ["week", "w02"])
    tracker.close()


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from cairn.gui.app import create_application, open_window
    from cairn.gui.widgets.node import Node

    DOCS.mkdir(exist_ok=True)
    app = create_application()
    views = (
        ("today", Node("group", "today")),
        ("week", Node("week", "w02")),
        ("month", Node("month", "m1")),
        ("path", Node("group", "path")),
        ("projects", Node("group", "projects")),
        ("role", Node("role", "llm-engineer")),
        ("readiness", Node("group", "readiness")),
        ("history", Node("group", "history")),
        ("readings", Node("group", "readings")),
        ("choice", Node("week", "w23")),
    )
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        _sample_progress(data_dir)
        for theme in ("light", "dark"):
            window = open_window(data_dir)
            window.set_theme(theme)
            window.resize(1440, 900)
            window.show()
            for name, node in views:
                window.show_node(node)
                if name == "week":
                    item = window.tracker.curriculum.week_items("w02")[2].id
                    window.checklist.select_item(item)
                for _ in range(5):  # word-wrapped labels settle over a few layout passes
                    QApplication.processEvents()
                target = DOCS / f"{name}-{theme}.png"
                window.grab().save(str(target))
                print(f"wrote {target}")
            window.close()
            window.tracker.close()
            window.deleteLater()  # destroy the charts before Python's own teardown
            QApplication.processEvents()
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
