"""Choosing a theme as an undoable operation ("Undo Change theme")."""

from __future__ import annotations

from collections.abc import Callable

from ...tracker import Change, Tracker
from ..operations import Operation
from ..reversible import reversible


def theme_operation(tracker: Tracker, name: str, show: Callable[[str], None]) -> Operation:
    """Keep `name` for next time and show it; undo puts back (and shows) the theme saved
    before, or the default when none was."""

    def put(theme: object) -> Change:
        change = tracker.set_setting("theme", theme)
        show(str(theme or "system"))
        return change

    return reversible(
        "Change theme",
        lambda: put(name),
        put,
        failed="kept for next time (the theme applies until Cairn closes)",
        read=lambda: tracker.setting("theme"),
    )
