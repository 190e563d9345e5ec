"""Regenerate the README screenshots: `python tools/screenshots.py` (no display needed).

Builds a throwaway data folder with a few weeks of progress, opens the real window offscreen at
1440x900 and saves every main view in BOTH themes as docs/<view>-<theme>.png: today, week (a
week's checklist with an item shown), month, path (the whole path), projects, role, readiness,
history, readings, choice (week 23, where the specialisation is chosen) and practice (the cards,
a review with its answer shown, an interview drill with the rubric); then the mentor
loop: today and week with a mentor's feedback imported (feedback-today, feedback-week), the
mentor's read-only window over the learner's export with a comment being written (mentor) and a
cohort of three learners (cohort).
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
    tracker.set_setting("learner_name", "Ada")
    tracker.close()
    _sample_reviews(data_dir, start)


def _sample_reviews(data_dir: Path, start: object) -> None:
    """A fortnight of practice on the cards that unlocked: some due again now, some not."""
    from datetime import datetime, timedelta

    from cairn.locations import curriculum_dir
    from cairn.tracker import Tracker

    moment = datetime.combine(start, datetime.min.time()) + timedelta(days=3, hours=20)
    with Tracker.open(data_dir, curriculum_dir(), clock=lambda: moment) as tracker:
        recall = [
            c.card.id for c in tracker.practice_cards() if c.unlocked and c.card.kind == "recall"
        ]
    for day, ratings in ((3, "3343"), (6, "3323"), (9, "4332"), (12, "3132")):
        when = datetime.combine(start, datetime.min.time()) + timedelta(days=day, hours=20)
        with Tracker.open(data_dir, curriculum_dir(), clock=lambda w=when: w) as tracker:
            for card_id, rating in zip(recall[:6], ratings * 2, strict=False):
                tracker.grade_card(card_id, int(rating), duration_ms=40_000)


def _exports(data_dir: Path, folder: Path) -> list[Path]:
    """The learner's export, and two more learners' (one behind plan, one quiet): a cohort."""
    from datetime import date, datetime, timedelta

    from cairn.locations import curriculum_dir
    from cairn.reports.export import export
    from cairn.tracker import Tracker

    with Tracker.open(data_dir, curriculum_dir()) as tracker:
        paths = [export(tracker.snapshot(), "json", folder / "ada.json").path]
    for name, weeks_ago, done, quiet_days in (("Bo", 9, 3, 2), ("Cy", 4, 12, 20)):
        last = datetime.now() - timedelta(days=quiet_days)
        with Tracker.open(folder / name, curriculum_dir(), clock=lambda t=last: t) as other:
            other.set_setting("learner_name", name)
            other.set_plan(date.today() - timedelta(weeks=weeks_ago), 6)
            for item in list(other.curriculum.items.values())[:done]:
                other.set_status(item.id, "done")
            other.log_study("python-project-skeleton", 50, started_at=last - timedelta(hours=1))
        with Tracker.open(folder / name, curriculum_dir()) as other:
            paths.append(export(other.snapshot(), "json", folder / f"{name}.json").path)
    return paths


def _feedback(data_dir: Path, export_path: Path, folder: Path) -> None:
    """A mentor's feedback on the learner's export, imported into the learner's data."""
    from datetime import UTC, datetime

    from cairn.locations import curriculum_dir
    from cairn.reports.feedback import feedback_payload, read_feedback, write_feedback
    from cairn.reports.importer import read_export
    from cairn.tracker import Tracker

    data = read_export(export_path)
    now = datetime.now(UTC).replace(tzinfo=None)
    with Tracker.open(data_dir, curriculum_dir()) as tracker:
        week2 = tracker.curriculum.week_items("w02")
        milestone = tracker.curriculum.project_items("warmup-extraction")[0].id
        payload = feedback_payload(
            written_at=now,
            learner_id=data.learner_id,
            learner_name=data.learner_name,
            answers_exported_at=data.exported_at,
            answers_file=export_path.name,
            mentor_name="Grace",
            note="A strong first fortnight. Keep the **evening routine**.",
            comments=[
                (
                    week2[2].id,
                    "Validate every reply yourself: providers change their structured output, "
                    "your checks do not.",
                    now,
                ),
                (week2[0].id, "Nice and small. Add a test for the empty input.", now),
            ],
            verified=[(milestone, now)],
        )
        write_feedback(payload, folder / "feedback.json")
        tracker.import_feedback(read_feedback(folder / "feedback.json"))


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
        data_dir = Path(folder) / "learner"
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
        exports = _exports(data_dir, Path(folder))
        _feedback(data_dir, exports[0], Path(folder))
        for theme in ("light", "dark"):
            _mentor_loop_shots(data_dir, exports, theme)
        _finish_week_3(data_dir)  # its drill questions unlock (after the other shots)
        for theme in ("light", "dark"):
            _practice_shots(data_dir, theme)
    app.quit()
    return 0


def _settle() -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(5):  # word-wrapped labels settle over a few layout passes
        QApplication.processEvents()


def _save(widget: object, name: str) -> None:
    target = DOCS / f"{name}.png"
    widget.grab().save(str(target))  # type: ignore[attr-defined]
    print(f"wrote {target}")


def _finish_week_3(data_dir: Path) -> None:
    from cairn.locations import curriculum_dir
    from cairn.tracker import Tracker

    with Tracker.open(data_dir, curriculum_dir()) as tracker:
        for item in tracker.curriculum.week_items("w03"):
            tracker.set_status(item.id, "done")


def _practice_shots(data_dir: Path, theme: str) -> None:
    """The Practice page, a review with the answer shown, and a drill with its rubric."""
    from PySide6.QtWidgets import QApplication

    from cairn.gui.app import open_window
    from cairn.gui.widgets.node import Node

    window = open_window(data_dir)
    window.set_theme(theme)
    window.resize(1440, 900)
    window.show()
    window.show_node(Node("group", "practice"))
    page = window.practice()
    _settle()
    _save(window, f"practice-{theme}")
    if page.start_review():
        page.review.reveal()
        _settle()
        _save(window, f"review-{theme}")
    page.show_overview()
    drill = page.open_drill()
    drill.setup.aloud.setChecked(False)
    if drill.start():
        drill.run.typing.setPlainText(
            "A token is a piece of a word the model reads and writes. Price and latency grow "
            "with tokens in and out, so I would cache the long, stable prefix and keep the "
            "answer short..."
        )
        drill.reveal()
        _settle()
        _save(window, f"drill-{theme}")
    window.close()
    window.tracker.close()
    window.deleteLater()
    QApplication.processEvents()


def _mentor_loop_shots(data_dir: Path, exports: list[Path], theme: str) -> None:
    """Today and a week with feedback received; the mentor's window; the cohort."""
    from PySide6.QtWidgets import QApplication

    from cairn.gui.app import open_window
    from cairn.gui.widgets.node import Node

    window = open_window(data_dir)
    window.set_theme(theme)
    window.resize(1440, 900)
    window.show()
    window.show_node(Node("group", "today"))
    _settle()
    _save(window, f"feedback-today-{theme}")
    window.show_node(Node("week", "w02"))
    window.checklist.select_item(window.tracker.curriculum.week_items("w02")[2].id)
    _settle()
    _save(window, f"feedback-week-{theme}")
    mentor = window.sharing.open_summary(exports[0])
    mentor.set_theme(theme)  # type: ignore[union-attr]
    mentor.resize(1440, 900)  # type: ignore[union-attr]
    mentor.show_node(Node("week", "w02"))  # type: ignore[union-attr]
    item = window.tracker.curriculum.week_items("w02")[3].id
    mentor.checklist.select_item(item)  # type: ignore[union-attr]
    mentor.feedback.draft.set_comment(item, "Why skip this one? It is the heart of week 2.")  # type: ignore[union-attr]
    mentor.detail.show_item(item)  # type: ignore[union-attr]
    mentor.focus_details()  # type: ignore[union-attr]  # scrolls to the mentor's comment
    _settle()
    _save(mentor, f"mentor-{theme}")
    mentor.feedback.draft.mark_saved(exports[0])  # type: ignore[union-attr]
    mentor.close()  # type: ignore[union-attr]
    cohort = window.sharing.open_summaries(exports)
    cohort.resize(1600, 420)  # type: ignore[union-attr]
    _settle()
    _save(cohort, f"cohort-{theme}")
    cohort.close()  # type: ignore[union-attr]
    window.close()
    window.tracker.close()
    window.deleteLater()
    QApplication.processEvents()


if __name__ == "__main__":
    sys.exit(main())
