"""Above a list: "Hide done" and "Hide skipped" toggles, and the Ctrl+F filter field."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QWidget

from ...content import Item


class FilterField(QLineEdit):
    """Narrows the list as you type; Esc clears and closes it, Down or Enter goes to the list."""

    closed = Signal()
    to_list = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
            self.closed.emit()
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.to_list.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class FilterBar(QWidget):
    """The filter field (hidden until Ctrl+F) and the two status toggles; `changed` fires
    whenever what the list should show changes."""

    changed = Signal()
    to_list = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = FilterField()
        self.field.setPlaceholderText(self.tr("Filter this list by title or id (Esc closes)"))
        self.field.setAccessibleName(self.tr("Filter the list"))
        self.field.setAccessibleDescription(
            self.tr("Shows only the items whose title or id contains what you type")
        )
        self.field.setClearButtonEnabled(True)
        self.field.setVisible(False)
        self.field.textChanged.connect(self.changed)
        self.field.closed.connect(self._close_field)
        self.field.to_list.connect(self.to_list)
        self.hide_done = QCheckBox(self.tr("Hide done"))
        self.hide_done.setAccessibleName(self.tr("Hide done items"))
        self.hide_skipped = QCheckBox(self.tr("Hide skipped"))
        self.hide_skipped.setAccessibleName(self.tr("Hide skipped items"))
        for box in (self.hide_done, self.hide_skipped):
            box.toggled.connect(self.changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 4)
        layout.addWidget(self.field, 1)
        layout.addStretch(0)
        layout.addWidget(self.hide_done)
        layout.addWidget(self.hide_skipped)

    def open_field(self) -> None:
        """Show the filter field and put the cursor in it (its text selected)."""
        self.field.setVisible(True)
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def _close_field(self) -> None:
        self.field.setVisible(False)
        self.to_list.emit()

    def close_field(self) -> None:
        """Empty and hide the filter field quietly (another page is shown)."""
        with QSignalBlocker(self.field):
            self.field.clear()
        self.field.setVisible(False)

    def hidden_statuses(self) -> list[str]:
        """The statuses the toggles hide, as kept in the settings."""
        return [
            status
            for status, box in (("done", self.hide_done), ("skipped", self.hide_skipped))
            if box.isChecked()
        ]

    def set_hidden_statuses(self, statuses: object) -> None:
        """Tick the toggles from a saved setting (anything unexpected ticks none)."""
        chosen = statuses if isinstance(statuses, list) else []
        self.hide_done.setChecked("done" in chosen)
        self.hide_skipped.setChecked("skipped" in chosen)

    def keeps(self, item: Item, status: str) -> bool:
        """Whether the list shows this item (its status, and the text typed matching)."""
        if status in self.hidden_statuses():
            return False
        text = self.field.text().strip().casefold()
        return not text or text in item.title.casefold() or text in item.id.casefold()

    def narrowing(self) -> bool:
        """Whether text is typed in the filter field."""
        return bool(self.field.text().strip())
