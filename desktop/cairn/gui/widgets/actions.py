"""Learner actions that can fail (a refused input, a busy file, a full disk) are said in
words, never raised out of a Qt slot: `attempt` runs one and reports a failure."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from ...tracker import StoreError, TrackerError

T = TypeVar("T")

log = logging.getLogger("cairn.gui")

#: What a learner action may raise that a learner can read: bad input, the database refusing,
#: the disk or folder refusing.
ACTION_ERRORS: tuple[type[Exception], ...] = (TrackerError, StoreError, OSError)

STATUS_MESSAGE_MS = 15000


def in_words(error: Exception) -> str:
    """The error as a learner reads it (an OSError by its reason and file, not its errno)."""
    if isinstance(error, OSError) and not isinstance(error, StoreError) and error.strerror:
        return f"{error.strerror} ({error.filename})" if error.filename else error.strerror
    return str(error) or type(error).__name__


def main_window_of(widget: QWidget) -> QMainWindow | None:
    """The main window a widget (or a dialog opened over it) belongs to, if any."""
    current: QWidget | None = widget
    while current is not None:
        top = current.window()
        if isinstance(top, QMainWindow):
            return top
        current = top.parentWidget()
    return None


def tell(widget: QWidget, text: str) -> None:
    """Show a message in the window's status bar, or in a box that does not block."""
    window = main_window_of(widget)
    if window is not None:
        window.statusBar().showMessage(text, STATUS_MESSAGE_MS)
        return
    box = QMessageBox(
        QMessageBox.Icon.Warning, "Cairn", text, QMessageBox.StandardButton.Ok, widget
    )
    box.setTextFormat(Qt.TextFormat.PlainText)  # names and paths are never markup
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def report(
    widget: QWidget, what: str, error: Exception, say: Callable[[str], None] | None = None
) -> str:
    """Log a failed action and say "Not <what>: <reason>" (in `say`, else the window);
    returns the text said."""
    reason = in_words(error)
    # as written: the reason may start with an id or a path
    text = QCoreApplication.translate("actions", "Not {what}: {reason}").format(
        what=what, reason=reason
    )
    log.warning("not %s: %s (%s)", what, reason, type(error).__name__)
    if say is not None:
        say(text)
    else:
        tell(widget, text)
    return text


def attempt(
    widget: QWidget, what: str, action: Callable[[], T], *, say: Callable[[str], None] | None = None
) -> T | None:
    """Run a learner action; on a refusal or a disk error say "Not <what>: <reason>" in the
    window's status bar (or through `say`, e.g. a dialog's own label), log it, and return None.
    Any other error is a bug and is raised."""
    try:
        return action()
    except ACTION_ERRORS as error:
        report(widget, what, error, say)
        return None
