"""Progress counts: pure functions of items and statuses (no Qt, no database)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import NoReturn

from .content import Item


class _Named(StrEnum):
    """A string enum that refuses an unknown value by naming it and the values it accepts."""

    @classmethod
    def _missing_(cls, value: object) -> NoReturn:
        """Called when `cls(value)` finds no member: refuse with every accepted value."""
        accepted = ", ".join(member.value for member in cls)
        raise ValueError(f"'{value}' is not a {cls._noun()}; use one of: {accepted}")

    @classmethod
    def _noun(cls) -> str:
        return "status"


class Status(_Named):
    """An item's status. Members are the stored strings, so the database, JSON exports and
    comparisons such as `status == "done"` keep working."""

    TO_DO = "todo"
    DOING = "doing"
    DONE = "done"
    SKIPPED = "skipped"


class ReadingStatus(_Named):
    """A reading's status, stored as its string value."""

    UNREAD = "unread"
    READING = "reading"
    READ = "read"

    @classmethod
    def _noun(cls) -> str:
        return "reading status"


STATUSES: tuple[Status, ...] = tuple(Status)
READING_STATUSES: tuple[ReadingStatus, ...] = tuple(ReadingStatus)
READING_LABELS: dict[str, str] = {
    ReadingStatus.UNREAD: "Unread",
    ReadingStatus.READING: "Reading",
    ReadingStatus.READ: "Read",
}
STATUS_LABELS: dict[str, str] = {
    Status.TO_DO: "To do",
    Status.DOING: "Doing",
    Status.DONE: "Done",
    Status.SKIPPED: "Skipped",
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
        status = statuses.get(item.id, Status.TO_DO)
        total += 1
        hours_total += item.estimate_hours
        if status == Status.DONE:
            done += 1
            hours_done += item.estimate_hours
        elif status == Status.DOING:
            doing += 1
        elif status == Status.SKIPPED:
            skipped += 1
    return Progress(done, doing, skipped, total, hours_done, hours_total)
