"""An undoable operation for a change that writes one value and reports the value the database
held before: undo writes that old value back, redo writes the new one again."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..tracker import Change
from .operations import Operation


def reversible(
    name: str,
    apply: Callable[[], Change],
    put_back: Callable[[Any], Change],
    *,
    failed: str = "changed",
    read: Callable[[], Any] | None = None,
) -> Operation:
    """`apply` makes the change once; `put_back(value)` writes a value as it was stored.
    Undo puts back the `old` of the first change (read by the tracker inside its write, never
    from a view), redo its `new`. `read` reads the value as the file holds it now: an undo or
    redo after it was changed elsewhere is refused rather than overwrite it."""
    first: list[Change] = []

    def do() -> Change:
        change = apply()
        first.append(change)
        return change

    return Operation(
        name,
        do,
        lambda _last: put_back(first[0].old),
        lambda _undone: put_back(first[0].new),
        failed=failed,
        stamp=read,
    )
