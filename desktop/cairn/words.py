"""Small pieces of English the core and the command line share (no Qt)."""

from __future__ import annotations

from datetime import date


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 item', '3 items', '1 study session', '2 statuses' (given `many` when not +s)."""
    return f"{count:,} {word if count == 1 else many or word + 's'}"


MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_text(day: date) -> str:
    """A date as reports and the command line write it: "5 Mar 2026" (English month names,
    whatever the locale)."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"
