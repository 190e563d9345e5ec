"""The number of cards due, kept for the whole window: one watch per window (found through its
`Operations`), recounted when a change may move it (a grade, a suspension, an item finished
or reopened, an import, a pack) and once a minute (learning cards fall due as time passes).
The navigation, Today and the Practice page show it."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from ...tracker import Change, Tracker
from ..operations import Operations
from ..widgets.actions import ACTION_ERRORS

#: Change kinds that can move the due count.
DUE_KINDS = frozenset(
    {"status", "card", "card_suspended", "card_added", "all", "content", "setting", "choice"}
)
RECOUNT_MS = 60_000


class DueWatch(QObject):
    """Counts the cards due and says when the count moved (`moved`, with the new count)."""

    moved = Signal(int)

    def __init__(self, tracker: Tracker, operations: Operations) -> None:
        super().__init__(operations)
        self.setObjectName("PracticeDueWatch")
        self.tracker = tracker
        self._count = self._counted()
        operations.changed.connect(self._changed)
        self.timer = QTimer(self)
        self.timer.setInterval(RECOUNT_MS)
        self.timer.timeout.connect(self.recount)
        self.timer.start()

    @staticmethod
    def of(operations: Operations) -> DueWatch:
        """The window's watch (made the first time it is asked for)."""
        found = operations.findChild(DueWatch, "PracticeDueWatch")
        if isinstance(found, DueWatch):
            return found
        return DueWatch(operations.tracker, operations)

    @property
    def count(self) -> int:
        """The cards due now, as last counted."""
        return self._count

    def _counted(self) -> int:
        try:
            return self.tracker.due_count()
        except ACTION_ERRORS:  # a busy or damaged file: the count waits for the next change
            return self._count if hasattr(self, "_count") else 0

    def _changed(self, change: Change) -> None:
        if change.kind in DUE_KINDS:
            self.recount()

    def recount(self) -> int:
        """Count again; say so when the count moved."""
        count = self._counted()
        if count != self._count:
            self._count = count
            self.moved.emit(count)
        return count
