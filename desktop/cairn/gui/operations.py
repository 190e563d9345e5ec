"""The one way a learner action changes data from the window (in the spirit of Anki's
`CollectionOp`): run it through the tracker, say a refusal in words, push an undoable command
named after the action, and publish the tracker's `Change` on one signal that views subscribe to.

An `Operation` says how to do a change once, how to take it back and how to do it again. Undo
and redo go through the same path: a refusal there (a busy file, a full disk) is said in words,
and the undo history moves back to where the data really is, so it never shows a step that did
not happen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from ..tracker import Change, Tracker
from .widgets.actions import ACTION_ERRORS, report

log = logging.getLogger("cairn.gui")

#: A step given the change the previous step made (what it created, what it replaced).
Step = Callable[[Change], Change]


@dataclass(frozen=True)
class Operation:
    """One learner action: `name` names it in the Edit menu ("Undo Mark done"); `failed` says a
    refusal ("Not <failed>: <reason>"). `apply` makes the change; `revert` takes back the change
    last made; `reapply` makes it again after an undo (default: `apply` once more). An action
    without `revert` is still said in words and published, but is not put on the undo history.
    """

    name: str
    apply: Callable[[], Change]
    revert: Step | None = None
    reapply: Step | None = None
    failed: str = "changed"

    def again(self, undone: Change) -> Change:
        """Redo: make the change again, given what the undo did."""
        return self.reapply(undone) if self.reapply is not None else self.apply()


class Operations(QObject):
    """Runs every learner action of one window and publishes what changed."""

    #: Every change the window made, undid or redid, or saw made elsewhere (kind 'all').
    changed = Signal(object)

    def __init__(self, tracker: Tracker, undo_stack: QUndoStack, window: QWidget) -> None:
        super().__init__(window)
        self.tracker = tracker
        self.undo_stack = undo_stack
        self.window = window

    def run(
        self,
        operation: Operation,
        *,
        widget: QWidget | None = None,
        say: Callable[[str], None] | None = None,
    ) -> Change | None:
        """Do `operation` now. On a refusal, say it (through `say`, else in the window's status
        bar), log it and return None: nothing is changed and nothing is put on the undo
        history. Otherwise publish the change and, if it changed anything and can be taken
        back, push it on the undo history."""
        where = widget or self.window
        if self.tracker.read_only:
            report(where, operation.failed, PermissionError(self.tracker.read_only_reason), say)
            return None
        try:
            change = operation.apply()
        except ACTION_ERRORS as error:
            report(where, operation.failed, error, say)
            return None
        if change.changed and operation.revert is not None:
            self.undo_stack.push(OperationCommand(self, operation, change))
        self.changed.emit(change)
        return change

    def publish(self, change: Change) -> None:
        """Tell every view about a change (also one seen elsewhere: the command line)."""
        self.changed.emit(change)

    def step(self, command: OperationCommand, do: Callable[[], Change], what: str) -> bool:
        """Run an undo or a redo step; a refusal is said in words and returns False."""
        try:
            change = do()
        except ACTION_ERRORS as error:
            report(self.window, f"{what} ({command.text()})", error)
            return False
        command.last = change
        self.changed.emit(change)
        return True


class OperationCommand(QUndoCommand):
    """An operation on the undo history. It is pushed after its change was saved, so the
    first redo (Qt calls it on push) does nothing. If an undo or redo is refused, the history
    is moved back at once, so it always matches the data."""

    def __init__(self, operations: Operations, operation: Operation, change: Change) -> None:
        super().__init__(operation.name)
        self.operations = operations
        self.operation = operation
        self.last = change
        self._skip = True  # the change is already made

    def redo(self) -> None:
        if self._skip:
            self._skip = False
            return
        if not self.operations.step(self, lambda: self.operation.again(self.last), "redone"):
            self._move_back(self.operations.undo_stack.undo)

    def undo(self) -> None:
        if self._skip:
            self._skip = False
            return
        revert = self.operation.revert
        assert revert is not None  # only operations that can be taken back are pushed
        if not self.operations.step(self, lambda: revert(self.last), "undone"):
            self._move_back(self.operations.undo_stack.redo)

    def _move_back(self, move: Callable[[], None]) -> None:
        """Put the history back where the data is, without running this step again."""
        self._skip = True
        QTimer.singleShot(0, move)
