"""One date format for the whole window: "30 Nov 2026", and "30 Nov 2026, 19:05" with a time."""

from __future__ import annotations

from datetime import UTC, date, datetime

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
QT_DATE_FORMAT = "d MMM yyyy"  # the same format for QDateEdit.setDisplayFormat


def day(when: date) -> str:
    """A date as the window writes it: "30 Nov 2026"."""
    return f"{when.day} {_MONTHS[when.month - 1]} {when.year}"


def day_time(when: datetime) -> str:
    """A date and time as the window writes it: "30 Nov 2026, 19:05" (local time as given)."""
    return f"{day(when)}, {when:%H:%M}"


def local_day_time(when: datetime) -> str:
    """A stored moment (naive UTC or aware) in the learner's local time: "30 Nov 2026, 19:05"."""
    aware = when if when.tzinfo is not None else when.replace(tzinfo=UTC)
    return day_time(aware.astimezone())
