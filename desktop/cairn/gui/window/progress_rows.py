"""Which progress rows the page header shows for the page and item in view."""

from __future__ import annotations

from collections.abc import Sequence

from ...content import Item
from ...progress import Progress, progress_of
from ...tracker import Tracker
from ..widgets.node import Node

Rows = list[tuple[str, Progress] | None]


def progress_rows(
    tracker: Tracker, node: Node, page_items: Sequence[Item], item_id: str
) -> tuple[Rows, str]:
    """The header's rows (this week and month, this project, or this page; then the whole
    path) and the status bar's overall line."""
    c = tracker.curriculum
    overall = tracker.overall_progress()
    rows: Rows = [None, None, ("Whole path", overall)]
    week_id = (
        node.id if node.kind == "week" else (c.items[item_id].week_id if item_id in c.items else "")
    )
    if node.kind in ("week", "month") and week_id:
        week = c.weeks[week_id]
        rows[0] = (f"Week {week.number}", tracker.week_progress(week_id))
        month = c.month_by_id(week.month_id)
        rows[1] = (f"Month {month.number}", tracker.month_progress(week.month_id))
    elif node.kind == "project":
        rows[0] = ("This project", tracker.project_progress(node.id))
    elif node.kind == "role" or node.id == "projects":
        rows[0] = ("On this page", progress_of(page_items, tracker.statuses()))
    text = f"Whole path: {overall.done} of {overall.total} done ({overall.percent:g}%)"
    return rows, text
