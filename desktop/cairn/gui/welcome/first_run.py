"""When the welcome is shown: once, on a data folder that has no plan yet."""

from __future__ import annotations

from ..host import WindowHost
from ..widgets.actions import attempt
from ..widgets.node import Node
from .dialog import WelcomeDialog

ASKED = "plan_asked"  # set once the welcome (or the plan dialog before it) was shown


def welcome_due(window: WindowHost) -> bool:
    """Whether a start shows the welcome: the data is writable, has no plan, and the welcome
    was never shown."""
    tracker = window.tracker
    return not (tracker.read_only or tracker.plan_settings() is not None or tracker.setting(ASKED))


def show_welcome(window: WindowHost, *, remember: bool = True) -> WelcomeDialog | None:
    """Open the welcome over `window` if `welcome_due` (it is remembered as shown first, so
    Skip or a crash does not bring it back; `remember=False` shows it without recording that,
    as `cairn --quit-after-start` does); Finish opens Today. Returns the dialog, or None when
    it is not due."""
    tracker = window.tracker
    if not welcome_due(window):
        return None
    saved = (
        attempt(
            window,
            "saved (that the welcome was shown)",
            lambda: tracker.set_setting(ASKED, True),
        )
        if remember
        else True
    )
    if saved is None:
        return None
    dialog = WelcomeDialog(tracker, window.operations, window)
    dialog.finished_setup.connect(lambda: window.show_node(Node("group", "today")))
    dialog.open()
    return dialog
