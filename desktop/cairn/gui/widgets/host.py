"""What a feature's menu or dialog needs from the main window, so that no feature imports the
window module (the window imports the features, never the other way round)."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from ...tracker import Tracker
from ..operations import Operations


class WindowHost(QMainWindow):
    """The main window as the features see it: its tracker (for reads), its operation path
    (for every change) and a way to redraw every view after data changed elsewhere."""

    tracker: Tracker
    operations: Operations

    def refresh_everything(self, *, forget_undo: bool = False) -> None:
        """Redraw every view from the tracker, keeping the learner's place."""
        raise NotImplementedError  # the main window provides it
