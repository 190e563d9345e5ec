"""Which progress rows the page header shows for the page and item in view, and the whole
path's progress, kept up to date change by change."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from ...content import Curriculum, Item
from ...progress import Progress, Status, progress_of
from ...tracker import Change, Tracker
from ..widgets.node import Node

Rows = list[tuple[str, Progress] | None]
#: Changes that leave every status and the counted items as they were.
KEEP_COUNTS = frozenset({"note", "evidence", "reading", "roles", "setting", "study", "timer"})


class WholePath:
    """The whole path's progress: counted once, then moved by each status change by what its
    items' statuses became (counting every item again costs about 2 ms at 5,000 items, on
    every change). A change of everything, a choice or new content counts again."""

    def __init__(self, tracker: Tracker) -> None:
        self.tracker = tracker
        self._counted_for: Curriculum | None = None
        self._statuses: dict[str, str] = {}  # what each counted item was counted as
        self._done_hours: dict[str, float] = {}  # the hours of each counted item done
        self._progress = Progress(0, 0, 0, 0, 0.0, 0.0)

    def progress(self) -> Progress:
        counted = self.tracker.counted
        if counted is not self._counted_for:
            statuses = self.tracker.statuses()
            self._progress = progress_of(counted.items.values(), statuses)
            self._statuses = {i: statuses.get(i, Status.TO_DO) for i in counted.items}
            self._done_hours = {
                i: item.estimate_hours
                for i, item in counted.items.items()
                if self._statuses[i] == Status.DONE
            }
            self._counted_for = counted
        return self._progress

    def follow(self, change: Change) -> None:
        """Move the counts by a status change; forget them after anything else that may
        change statuses or what counts (counted again when next asked)."""
        if change.kind == "status" and self._counted_for is self.tracker.counted:
            self._move(change.ids)
        elif change.kind not in KEEP_COUNTS:
            self._counted_for = None

    def _move(self, item_ids: Iterable[str]) -> None:
        items = self.tracker.counted.items
        tally: dict[str, int] = {
            Status.DONE: self._progress.done,
            Status.DOING: self._progress.doing,
            Status.SKIPPED: self._progress.skipped,
        }
        for item_id in dict.fromkeys(item_ids):
            item = items.get(item_id)
            if item is None:
                continue
            old, new = self._statuses.get(item_id, Status.TO_DO), self.tracker.status(item_id)
            self._statuses[item_id] = new
            for status, step in ((old, -1), (new, 1)):
                if status in tally:
                    tally[status] += step
            if new == Status.DONE:
                self._done_hours[item_id] = item.estimate_hours
            else:
                self._done_hours.pop(item_id, None)
        self._progress = Progress(
            tally[Status.DONE],
            tally[Status.DOING],
            tally[Status.SKIPPED],
            self._progress.total,
            math.fsum(self._done_hours.values()),  # summed again: no drift, inf stays inf
            self._progress.hours_total,
        )


def progress_rows(
    tracker: Tracker, node: Node, page_items: Sequence[Item], item_id: str, overall: Progress
) -> tuple[Rows, str]:
    """The header's rows (this week and month, this project, or this page; then the whole
    path, `overall`) and the status bar's overall line."""
    c = tracker.curriculum
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
