"""The values the tracker hands back: what changed, bad input, and the study timer's steps."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from ..records import SessionRecord

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """Naive UTC timestamps are what the database stores."""
    return datetime.now(UTC).replace(tzinfo=None)


class TrackerError(ValueError):
    """Bad input from the learner (an unknown id, a bad status or URL); nothing was changed."""


@dataclass(frozen=True, slots=True)
class Change:
    """What a mutation changed: its kind ('status', 'note', 'evidence', 'setting') and ids,
    with the value the database held before (`old`, read in the write's transaction) and the
    value written (`new`)."""

    kind: str
    ids: tuple[str, ...]
    old: Any = None
    new: Any = None

    @property
    def changed(self) -> bool:
        return self.old != self.new


@dataclass(frozen=True, slots=True)
class TimerStep:
    """The study timer as the database held it (its setting; None when no timer) and the
    study session recorded along with it, if any: what a timer change's `old`/`new` carry."""

    setting: dict[str, Any] | None
    session: SessionRecord | None = None
