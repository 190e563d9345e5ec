"""What a feature's menu or dialog needs from the main window, so that no feature imports the
window module (the window imports the features, never the other way round)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow

from ..tracker import Tracker
from .operations import Operations
from .widgets.node import Node


class WindowHost(QMainWindow):
    """The main window as the features see it: its tracker (for reads), its operation path
    (every change, and `publish` for one seen elsewhere) and its undo history."""

    tracker: Tracker
    operations: Operations
    undo_stack: QUndoStack
    show_node: Callable[[Node], None]  # show a page (the window's navigation does it)
