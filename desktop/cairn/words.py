"""Small pieces of English the core and the command line share (no Qt)."""

from __future__ import annotations


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 item', '3 items', '1 study session', '2 statuses' (given `many` when not +s)."""
    return f"{count:,} {word if count == 1 else many or word + 's'}"
