"""Progress counts: pure functions of items and statuses (no Qt, no database)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .content import Item

STATUSES: tuple[str, ...] = ("todo", "doing", "done", "skipped")
READING_STATUSES: tuple[str, ...] = ("unread", "reading", "read")
READING_LABELS: dict[str, str] = {"unread": "Unread", "reading": "Reading", "read": "Read"}
STATUS_LABELS: dict[str, str] = {
    "todo": "To do",
    "doing": "Doing",
    "done": "Done",
    "skipped": "Skipped",
}


@dataclass(frozen=True, slots=True)
class Progress:
    """How much of a set of items is done. Skipped items are not progress: they stay in the
    total, so skipping never raises the percentage."""

    done: int
    doing: int
    skipped: int
    total: int
    hours_done: float
    hours_total: float

    @property
    def percent(self) -> float:
        return round(100.0 * self.done / self.total, 1) if self.total else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"done": self.done, "total": self.total, "percent": self.percent}


def progress_of(items: Iterable[Item], statuses: Mapping[str, str]) -> Progress:
    """Count done, doing and skipped among `items`; unknown ids count as to do."""
    done = doing = skipped = total = 0
    hours_done = hours_total = 0.0
    for item in items:
        status = statuses.get(item.id, "todo")
        total += 1
        hours_total += item.estimate_hours
        if status == "done":
            done += 1
            hours_done += item.estimate_hours
        elif status == "doing":
            doing += 1
        elif status == "skipped":
            skipped += 1
    return Progress(done, doing, skipped, total, hours_done, hours_total)
