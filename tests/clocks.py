"""A clock a test moves by hand (the tracker reads the time from it)."""

from __future__ import annotations

from datetime import datetime

EVENING = datetime(2026, 3, 12, 19, 0)


class Clock:
    """Says `now`; the test moves it (`clock.now += timedelta(...)`)."""

    def __init__(self, start: datetime = EVENING) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now
