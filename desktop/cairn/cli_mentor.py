"""`cairn plan` and `cairn profile`: the study plan and who the learner is, from a terminal.

    cairn plan                          show the plan and the pace against it
    cairn plan --start 2026-01-05 --hours 10      set it (either alone changes only that part)
    cairn plan --json                   {"schema": 1, "plan": {...}} (null fields when unset)
    cairn profile [--name NAME] [--json]          the display name and the stable learner id

Bad input (a date that is not one, hours outside 1–60) exits 2 with one line and changes
nothing."""

from __future__ import annotations

import argparse
import json
import re
from datetime import date
from typing import TYPE_CHECKING, Any, TextIO

from .plan import Pace
from .words import day_text

if TYPE_CHECKING:
    from .tracker import Tracker

JSON_SCHEMA = 1
EXIT_OK = 0


def add_mentor_parsers(commands: Any) -> None:
    """Register `plan` and `profile`."""
    plan = commands.add_parser("plan", help="show or set the study plan (start date, hours/week)")
    plan.add_argument("--start", metavar="DATE", help="the day the plan starts (YYYY-MM-DD)")
    plan.add_argument("--hours", metavar="N", help="hours of study a week (1 to 60)")
    plan.add_argument("--json", action="store_true", help="machine-readable output")
    profile = commands.add_parser("profile", help="your display name and stable learner id")
    profile.add_argument("--name", metavar="NAME", help="set the name your summaries carry")
    profile.add_argument("--json", action="store_true", help="machine-readable output")


def is_showing(args: argparse.Namespace) -> bool:
    """True when `plan` only shows (so the folder opens read-only)."""
    return args.command == "plan" and args.start is None and args.hours is None


def pace_json(pace: Pace | None, settings: Any) -> dict[str, Any]:
    """The plan and the pace against it; every field null while no plan is set."""
    fields: dict[str, Any] = {
        "start": None,
        "hours_per_week": None,
        "expected_percent": None,
        "done_percent": None,
        "state": None,
        "forecast_finish": None,
        "planned_finish": None,
        "catch_up_hours": None,
    }
    if settings is None or pace is None:
        return fields
    return fields | {
        "start": pace.start.isoformat(),
        "hours_per_week": pace.hours_per_week,
        "expected_percent": pace.expected_percent,
        "done_percent": pace.done_percent,
        "state": pace.state,
        "forecast_finish": pace.forecast_finish.isoformat() if pace.forecast_finish else None,
        "planned_finish": pace.planned_finish.isoformat(),
        "catch_up_hours": round(pace.catch_up_hours, 1),
    }


def _start(text: str) -> date:
    from .tracker import TrackerError

    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip(), re.ASCII):
            raise ValueError
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise TrackerError(f"--start '{text}' is not a date; use YYYY-MM-DD") from None
    if not 2000 <= day.year <= 2100:
        raise TrackerError(f"--start '{text}' is outside the years 2000–2100")
    return day


def _hours(text: str) -> float:
    from .tracker import TrackerError

    try:
        if not re.fullmatch(r"\s*\d+(\.\d+)?\s*", text, re.ASCII):
            raise ValueError
        hours = float(text)
    except ValueError:
        raise TrackerError(f"--hours '{text}' is not a number of hours (1 to 60)") from None
    if hours != hours or not 1 <= hours <= 60:  # NaN too
        raise TrackerError(f"--hours '{text}' is not between 1 and 60")
    return hours


def run_plan(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    """Show the plan, or change it (then show it)."""
    from .tracker import TrackerError

    if not is_showing(args):
        current = tracker.plan_settings()
        start = _start(args.start) if args.start is not None else None
        hours = _hours(args.hours) if args.hours is not None else None
        if hours is None and current is None:
            raise TrackerError("no plan yet: give --hours (and --start, default today)")
        tracker.set_plan(
            start or (current.start if current else tracker.now().date()),
            hours if hours is not None else current.hours_per_week,  # type: ignore[union-attr]
        )
    settings, pace = tracker.plan_settings(), tracker.pace()
    if args.json:
        json.dump({"schema": JSON_SCHEMA, "plan": pace_json(pace, settings)}, out, indent=2)
        out.write("\n")
        return EXIT_OK
    if settings is None or pace is None:
        out.write("No study plan yet. Set one with: cairn plan --start YYYY-MM-DD --hours N\n")
        return EXIT_OK
    finish = day_text(pace.forecast_finish) if pace.forecast_finish else "—"
    out.write(
        f"Plan: {pace.hours_per_week:g} h/week from {day_text(pace.start)} "
        f"(planned finish {day_text(pace.planned_finish)}).\n"
        f"{pace.sentence()} Done {pace.done_percent:g}% of the path's hours; the plan expects "
        f"{pace.expected_percent:g}% by now. Forecast finish: {finish}.\n"
    )
    return EXIT_OK


def run_profile(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    """Show the learner's name and id, or set the name."""
    if args.name is not None:
        tracker.set_setting("learner_name", args.name.strip() or None)
    name = tracker.setting("learner_name") or ""
    learner_id = tracker.ensure_learner_id()
    if args.json:
        payload = {"schema": JSON_SCHEMA, "name": name, "learner_id": learner_id or None}
        json.dump(payload, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return EXIT_OK
    out.write(f"Name: {name or '(not set)'}\nLearner id: {learner_id or '(not made yet)'}\n")
    return EXIT_OK
