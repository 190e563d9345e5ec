"""Evidence for a milestone: proof links listed, added and removed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...tracker import Tracker
from ...validation import MAX_URL_CHARS
from ..widgets.actions import attempt
from ..widgets.links import open_external


class EvidenceBox(QWidget):
    """Proof links for a milestone: listed, added, removed."""

    changed = Signal(str)  # milestone id

    def __init__(self, tracker: Tracker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tracker = tracker
        self.item_id = ""
        self.links = QListWidget()
        self.links.setAccessibleName("Evidence links")
        self.links.setMaximumHeight(90)
        self.links.itemActivated.connect(lambda entry: open_external(entry.text()))
        self.url = QLineEdit()
        self.url.setMaxLength(MAX_URL_CHARS)
        self.url.setAccessibleName("New evidence link")
        self.url.setPlaceholderText("https://github.com/you/project — repository, write-up, demo")
        self.url.returnPressed.connect(self._add)
        self.add = QPushButton("Add link")
        self.add.clicked.connect(self._add)
        self.remove = QPushButton("Remove")
        self.remove.setAccessibleName("Remove selected evidence link")
        self.remove.clicked.connect(self._remove)
        self.remove.setEnabled(False)  # until a link is selected
        self.links.itemSelectionChanged.connect(self._selection_changed)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setObjectName("DetailMeta")
        row = QHBoxLayout()
        row.addWidget(self.url, 1)
        row.addWidget(self.add)
        row.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.links)
        layout.addLayout(row)
        layout.addWidget(self.message)

    def load(self, item_id: str) -> None:
        self.item_id = item_id
        self.links.clear()
        for record in self.tracker.evidence(item_id):
            entry = QListWidgetItem(record.url)
            entry.setData(Qt.ItemDataRole.UserRole, record.id)
            entry.setToolTip(f"Added {record.added_at:%Y-%m-%d}; Enter opens it in the browser")
            self.links.addItem(entry)
        self.message.setText(
            ""
            if self.links.count()
            else "No evidence yet. Milestones count fully toward readiness once they "
            "have a link to proof."
        )
        self._selection_changed()

    def _add(self) -> None:
        """Add the typed link; a refusal is said here and the link stays typed."""
        url = self.url.text()
        if (
            attempt(
                self,
                "added",
                lambda: self.tracker.add_evidence(self.item_id, url),
                say=self.message.setText,
            )
            is None
        ):
            return
        self.url.clear()
        self.load(self.item_id)
        self.changed.emit(self.item_id)

    def selected_link(self) -> QListWidgetItem | None:
        """The link the learner selected (None when nothing is selected)."""
        selected = self.links.selectedItems()
        return selected[0] if selected else None

    def _selection_changed(self) -> None:
        self.remove.setEnabled(self.selected_link() is not None)

    def _remove(self) -> None:
        """Remove the selected link; with nothing selected, nothing happens."""
        entry = self.selected_link()
        if entry is None:
            return
        evidence_id = int(entry.data(Qt.ItemDataRole.UserRole))
        if (
            attempt(
                self,
                "removed",
                lambda: self.tracker.remove_evidence(evidence_id),
                say=self.message.setText,
            )
            is None
        ):
            return
        self.load(self.item_id)
        self.changed.emit(self.item_id)
