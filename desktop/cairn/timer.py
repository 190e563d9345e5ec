"""The study timer's state: which item, time gathered so far, and whether it is running.

Stored as a setting on every start, pause and resume, so a timer survives a crash or a
restart: it keeps counting from its recorded start."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class TimerState:
    content_id: str
    running_since: datetime | None  # None while paused
    seconds_before: float  # time gathered before the current run

    def elapsed(self, now: datetime) -> float:
        """Seconds studied so far."""
        current = (now - self.running_since).total_seconds() if self.running_since else 0.0
        return self.seconds_before + max(0.0, current)

    @property
    def running(self) -> bool:
        return self.running_since is not None

    def paused(self, now: datetime) -> TimerState:
        return TimerState(self.content_id, None, self.elapsed(now))

    def resumed(self, now: datetime) -> TimerState:
        return self if self.running else TimerState(self.content_id, now, self.seconds_before)

    def to_setting(self) -> dict[str, Any]:
        return {
            "content_id": self.content_id,
            "running_since": self.running_since.isoformat() if self.running_since else None,
            "seconds_before": self.seconds_before,
        }

    @classmethod
    def from_setting(cls, raw: Any) -> TimerState | None:
        if not isinstance(raw, dict) or not isinstance(raw.get("content_id"), str):
            return None
        try:
            since = raw.get("running_since")
            return cls(
                raw["content_id"],
                datetime.fromisoformat(since) if since else None,
                float(raw.get("seconds_before", 0.0)),
            )
        except (TypeError, ValueError):
            return None
