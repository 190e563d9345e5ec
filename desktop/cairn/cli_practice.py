"""`cairn practice`: spaced recall (FSRS) from a terminal. Never imports PySide6.

    cairn practice [--json]                         the cards due now and retention per area
    cairn practice grade CARD_ID {again,hard,good,easy}   record a review; prints the next due

`--json` is {"schema": 1, "due": N, "cards": [{"id", "item", "kind", "prompt", "due", "new"}],
"retention": [{"id", "name", "cards", "recall"}], "desired_retention": 0.9} (times are UTC
ISO 8601 with "Z"; a new card's "due" is null, a recall with no cards is null). An unknown or
locked card or a bad rating exits 2 with one line naming it, and nothing is changed."""

from __future__ import annotations

import argparse
import json
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, TextIO

from .practice.model import RATINGS, PracticeCard, rating_number
from .words import plural

if TYPE_CHECKING:
    from .tracker import Tracker

JSON_SCHEMA = 1
EXIT_OK = 0
LINE_WIDTH = 110  # a due card's line: when, id and as much of the prompt as fits
MAX_ID_COLUMN = 40


def add_practice_parser(commands: Any) -> None:
    """Register `practice` and `practice grade`."""
    practice = commands.add_parser(
        "practice",
        help="the recall cards due now (FSRS), or grade one",
        description="Without a subcommand: the cards due now (reviewed cards FSRS says are "
        "due, then today's new ones) and retention per skill area.",
    )
    practice.add_argument("--json", action="store_true", help="machine-readable output")
    actions = practice.add_subparsers(dest="practice_command", metavar="ACTION")
    grade = actions.add_parser(
        "grade", help="record how well you recalled a card; prints when it is due next"
    )
    grade.add_argument("card_id", metavar="CARD_ID")
    grade.add_argument("rating", metavar="{" + ",".join(RATINGS) + "}")


def is_practice_listing(args: argparse.Namespace) -> bool:
    """True when `practice` only lists (so the folder opens read-only)."""
    return args.command == "practice" and getattr(args, "practice_command", None) is None


def run_practice(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    if args.practice_command == "grade":
        return _grade(tracker, args, out)
    now = tracker.now()
    due = tracker.due_cards(now)
    retention = tracker.retention_by_area(now)
    if args.json:
        payload = {
            "schema": JSON_SCHEMA,
            "due": len(due),
            "cards": [_card_json(card) for card in due],
            "retention": [
                {
                    "id": area.skill_id,
                    "name": area.name,
                    "cards": area.cards,
                    "recall": None if area.recall is None else round(area.recall, 3),
                }
                for area in retention
            ],
            "desired_retention": tracker.desired_retention(),
        }
        json.dump(payload, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return EXIT_OK
    new = sum(card.is_new for card in due)
    out.write(f"{plural(len(due), 'card')} due" + (f" ({new} new)" if new else "") + "\n")
    id_width = min(max((len(card.card.id) for card in due), default=0), MAX_ID_COLUMN)
    for card in due:
        when = "new" if card.state is None else _when(card.state.due, now)
        prompt = _line(card.card.prompt, LINE_WIDTH - 14 - id_width)
        out.write(f"  {when:<10} {card.card.id:<{id_width}}  {prompt}\n")
    known = [a for a in retention if a.recall is not None]
    if known:
        out.write("Retention (recall now, of the cards reviewed):\n")
        for area in known:
            out.write(
                f"  {(area.recall or 0) * 100:5.1f} %  {area.name} ({plural(area.cards, 'card')})\n"
            )
    if due:
        out.write("Grade one: cairn practice grade CARD_ID {" + ",".join(RATINGS) + "}\n")
    return EXIT_OK


def _grade(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    change = tracker.grade_card(args.card_id, args.rating)
    state = change.new
    rating = RATINGS[rating_number(args.rating) - 1]
    out.write(
        f"{state.card_id}: {rating}; next due {_stamp(state.due)} UTC "
        f"({_distance(state.due - tracker.now())})\n"
    )
    return EXIT_OK


def _card_json(card: PracticeCard) -> dict[str, Any]:
    return {
        "id": card.card.id,
        "item": card.card.item_id,
        "kind": card.card.kind,
        "prompt": card.card.prompt,
        "due": None if card.state is None else card.state.due.isoformat() + "Z",
        "new": card.state is None,
    }


def _line(text: str, width: int) -> str:
    """A prompt on one terminal line: whitespace as single spaces, no control or direction
    characters (a learner's card could hold them), cut at `width`."""
    flat = " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())
    width = max(width, 30)
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def _when(due: datetime, now: datetime) -> str:
    """How overdue a card is: "now" within the hour, else days (or hours) overdue."""
    late = now - due
    if late < timedelta(hours=1):
        return "now"
    if late < timedelta(days=1):
        return f"{int(late.total_seconds() // 3600)} h late"
    return f"{late.days} d late"


def _distance(span: timedelta) -> str:
    if span < timedelta(hours=1):
        return f"in {plural(max(1, round(span.total_seconds() / 60)), 'minute')}"
    if span < timedelta(days=1):
        return f"in {plural(round(span.total_seconds() / 3600), 'hour')}"
    return f"in {plural(round(span.total_seconds() / 86400), 'day')}"
