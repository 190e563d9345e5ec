"""What a navigation entry points at, shared by the window (which shows the entries) and the
pages (which are built for one): a plain value, so that neither imports the other."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Node:
    """What a navigation entry points at: kind is group, month, week, project, milestone or
    role."""

    kind: str
    id: str
