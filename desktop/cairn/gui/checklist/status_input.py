"""Status changes by keyboard and mouse, shared by every view that lists items."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QModelIndex, QPoint, Qt, SignalInstance
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QMenu

from ...progress import STATUS_LABELS, STATUSES
from ...tracker import Tracker

STATUS_GLYPHS = {"todo": "○", "doing": "◐", "done": "✔", "skipped": "⊘"}
#: Single keys that set a status in every list of items (besides Ctrl+1…4).
STATUS_KEYS = {
    Qt.Key.Key_D: "done",
    Qt.Key.Key_G: "doing",
    Qt.Key.Key_S: "skipped",
    Qt.Key.Key_T: "todo",
}
KEY_NAMES = {"done": "D", "doing": "G", "skipped": "S", "todo": "T"}


def next_status(status: str) -> str:
    """Clicking the status cycles to do → doing → done → to do (skipped returns to to do)."""
    return {"todo": "doing", "doing": "done"}.get(status, "todo")


def status_text(status: str) -> str:
    return f"{STATUS_GLYPHS[status]}  {STATUS_LABELS[status]}"


class StatusInput:
    """Space toggles done, D/G/S/T mark done/doing/skipped/to do, a click on the status column
    moves the status on, right-click offers every status. Requests go out through
    `signal(item_id, status)`; with several rows selected (`selection`), Space, the letters
    and the menu act on all of them through `many_signal(item_ids, status)`."""

    def __init__(
        self,
        view: QAbstractItemView,
        tracker: Tracker,
        item_id_at: Callable[[QModelIndex], str],
        status_column: int,
        signal: SignalInstance,
        selection: Callable[[], list[str]] | None = None,
        many_signal: SignalInstance | None = None,
    ) -> None:
        self.view = view
        self.selection = selection
        self.many_signal = many_signal
        self.tracker = tracker
        self.item_id_at = item_id_at
        self.status_column = status_column
        self.signal = signal
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._menu)
        view.clicked.connect(self._clicked)

    def key(self, event: QKeyEvent) -> bool:
        """Handle Space or a status letter on the current row (or the selection); return True
        if the event was used."""
        item_id = self.item_id_at(self.view.currentIndex())
        wanted = STATUS_KEYS.get(Qt.Key(event.key()))
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if item_id and wanted is not None and plain:
            many = self._many()
            if many:
                self.many_signal.emit(many, wanted)  # type: ignore[union-attr]
            else:
                self.signal.emit(item_id, wanted)
            event.accept()
            return True
        if item_id and event.key() == Qt.Key.Key_Space and not event.modifiers():
            many = self._many()
            if many:
                done = all(self.tracker.status(i) == "done" for i in many)
                self.many_signal.emit(many, "todo" if done else "done")  # type: ignore[union-attr]
                event.accept()
                return True
            current = self.tracker.status(item_id)
            self.signal.emit(item_id, "todo" if current == "done" else "done")
            event.accept()
            return True
        return False

    def _clicked(self, index: QModelIndex) -> None:
        item_id = self.item_id_at(index)
        if item_id and index.column() == self.status_column:
            self.signal.emit(item_id, next_status(self.tracker.status(item_id)))

    def _menu(self, position: QPoint) -> None:
        item_id = self.item_id_at(self.view.indexAt(position))
        if not item_id:
            return
        menu = QMenu(self.view)
        many = self._many()
        if many and item_id in many:
            for status in STATUSES:
                text = QCoreApplication.translate("StatusInput", "Mark {count} items {status}")
                action = menu.addAction(
                    text.format(count=len(many), status=STATUS_LABELS[status].lower())
                )
                action.triggered.connect(
                    lambda _checked=False, s=status: self.many_signal.emit(many, s)  # type: ignore[union-attr]
                )
            menu.exec(self.view.viewport().mapToGlobal(position))
            return
        current = self.tracker.status(item_id)
        for status in STATUSES:
            action = menu.addAction(status_text(status))
            action.setCheckable(True)
            action.setChecked(status == current)
            action.triggered.connect(lambda _checked=False, s=status: self.signal.emit(item_id, s))
        menu.exec(self.view.viewport().mapToGlobal(position))

    def _many(self) -> list[str]:
        """The selected items when more than one is selected (else empty)."""
        if self.selection is None or self.many_signal is None:
            return []
        chosen = self.selection()
        return chosen if len(chosen) > 1 else []
