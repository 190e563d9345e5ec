"""The one way a learner action changes data from the window (in the spirit of Anki's
`CollectionOp`): run it through the tracker, say a refusal in words, push an undoable command
named after the action, and publish the tracker's `Change` on one signal that views subscribe to.

An `Operation` says how to do a change once, how to take it back and how to do it again. Undo
and redo go through the same path and run BEFORE the history moves: a refusal (a busy file, a
full disk, or data changed elsewhere since the step) is said in words and the history stays
where the data is.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from ..tracker import Change, Tracker, TrackerError
from .widgets.actions import ACTION_ERRORS, report

log = logging.getLogger("cairn.gui")

#: A step given the change the previous step made (what it created, what it replaced).
Step = Callable[[Change], Change]

CHANGED_ELSEWHERE = (
    "it was changed since, outside this window (the command line, another Cairn) or by an "
    "import; undoing would overwrite that. Nothing was changed"
)


@dataclass(frozen=True)
class Operation:
    """One learner action: `name` names it in the Edit menu ("Undo Mark done"); `failed` says a
    refusal ("Not <failed>: <reason>"). `apply` makes the change; `revert` takes back the change
    last made; `reapply` makes it again after an undo (default: `apply` once more). An action
    without `revert` is still said in words and published, but is not put on the undo history.

    `stamp` reads, from the file, what the data this action touches holds now. It is taken
    after every step; an undo or redo whose data no longer matches (changed elsewhere since)
    is refused instead of overwriting the newer change."""

    name: str
    apply: Callable[[], Change]
    revert: Step | None = None
    reapply: Step | None = None
    failed: str = "changed"
    stamp: Callable[[], object] | None = None

    def again(self, undone: Change) -> Change:
        """Redo: make the change again, given what the undo did."""
        return self.reapply(undone) if self.reapply is not None else self.apply()


class OperationStack(QUndoStack):
    """The window's undo history. `undo` and `redo` run the step first and move the history
    only when it was saved, so a refusal leaves the history where the data is. `before_step`
    runs first (the window saves a note being typed, so typing counts as the latest change;
    it returns False to hold the step back); `say` tells the learner why nothing moved."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.before_step: Callable[[], bool] = lambda: True
        self.say: Callable[[str], None] = lambda _text: None

    def undo(self) -> None:
        if not self.before_step():
            self.say("Not undone: first choose which note to keep (Keep mine or Use the other).")
            return
        if not self.canUndo():
            return
        command = self.command(self.index() - 1)
        if isinstance(command, OperationCommand) and not command.step_back():
            return
        super().undo()

    def redo(self) -> None:
        could = self.canRedo()
        if not self.before_step():
            self.say("Not redone: first choose which note to keep (Keep mine or Use the other).")
            return
        if could and not self.canRedo():
            self.say("Not redone: the note you were typing is saved as your latest change.")
            return
        if not self.canRedo():
            return
        command = self.command(self.index())
        if isinstance(command, OperationCommand) and not command.step_forward():
            return
        super().redo()


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
            if not command.unchanged_since():
                raise TrackerError(CHANGED_ELSEWHERE)
            change = do()
        except ACTION_ERRORS as error:
            report(self.window, f"{what} ({command.text()})", error)
            return False
        command.settle(change)
        self.changed.emit(change)
        return True


class OperationCommand(QUndoCommand):
    """An operation on the undo history. `step_back`/`step_forward` run its undo/redo before
    the history moves (see OperationStack); the moves that follow then do nothing. A move made
    some other way (Qt itself) runs the step then, and puts the history back if it is refused."""

    def __init__(self, operations: Operations, operation: Operation, change: Change) -> None:
        super().__init__(operation.name)
        self.operations = operations
        self.operation = operation
        self.last = change
        self._stamp = operation.stamp() if operation.stamp is not None else None
        self._done_ahead = True  # the change is already made: Qt's redo on push does nothing

    def unchanged_since(self) -> bool:
        """Whether the data this operation touches still holds what its last step left."""
        return self.operation.stamp is None or self.operation.stamp() == self._stamp

    def settle(self, change: Change) -> None:
        """Remember what a step made, and what the data holds after it."""
        self.last = change
        if self.operation.stamp is not None:
            self._stamp = self.operation.stamp()

    def step_back(self) -> bool:
        revert = self.operation.revert
        assert revert is not None  # only operations that can be taken back are pushed
        done = self.operations.step(self, lambda: revert(self.last), "undone")
        self._done_ahead = done
        return done

    def step_forward(self) -> bool:
        done = self.operations.step(self, lambda: self.operation.again(self.last), "redone")
        self._done_ahead = done
        return done

    def redo(self) -> None:
        if self._done_ahead:
            self._done_ahead = False
            return
        if not self.step_forward():
            self._move_back()
        self._done_ahead = False

    def undo(self) -> None:
        if self._done_ahead:
            self._done_ahead = False
            return
        if not self.step_back():
            self._move_back()
        self._done_ahead = False

    def _move_back(self) -> None:
        """Only for a move Qt made without asking first: put the history back (without
        running this step again) once Qt has finished moving it."""
        stack = self.operations.undo_stack
        index = stack.index()

        def restore() -> None:
            self._done_ahead = True
            QUndoStack.setIndex(stack, index)
            self._done_ahead = False

        QTimer.singleShot(0, restore)
