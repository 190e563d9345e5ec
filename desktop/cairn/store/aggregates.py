"""Totals SQLite adds up itself, so that a summary need not read every row into Python."""

from __future__ import annotations

from datetime import date

from .database import Database


def study_minutes_per_day(database: Database) -> dict[date, int]:
    """Minutes studied on each day that has a session (the day a session started), summed in
    SQL: the same totals as adding up every session, without reading thousands of them."""
    rows = database._rows(
        "SELECT substr(started_at, 1, 10), sum(minutes) FROM study_session GROUP BY 1"
    )
    return {date.fromisoformat(day): int(minutes) for day, minutes in rows}
