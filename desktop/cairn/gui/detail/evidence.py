"""Evidence for a milestone: proof links listed, added and removed (each undoable)."""

from __future__ import annotations

from PySide6.QtCore import Qt
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

from ...tracker import Change, Tracker
from ...validation import MAX_URL_CHARS
from ..operations import Operations
from ..study.operations import add_evidence_operation, remove_evidence_operation
from ..widgets.dates import day
from ..widgets.links import open_external

EVIDENCE_KINDS = frozenset({"evidence", "all"})


class EvidenceBox(QWidget):
    """Proof links for a milestone: listed, added, removed. It follows every evidence change
    (an undo included) through `operations`."""

    def __init__(
        self, tracker: Tracker, operations: Operations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.tracker = tracker
        self.operations = operations
        operations.changed.connect(self._changed)
        self.item_id = ""
        self.links = QListWidget()
        self.links.setAccessibleName(self.tr("Evidence links"))
        self.links.setMaximumHeight(90)
        self.links.itemActivated.connect(lambda entry: open_external(entry.text()))
        self.url = QLineEdit()
        self.url.setMaxLength(MAX_URL_CHARS)
        self.url.setAccessibleName(self.tr("New evidence link"))
        self.url.setPlaceholderText(
            self.tr("https://github.com/you/project — repository, write-up, demo")
        )
        self.url.returnPressed.connect(self._add)
        self.add = QPushButton(self.tr("Add link"))
        self.add.clicked.connect(self._add)
        self.remove = QPushButton(self.tr("Remove"))
        self.remove.setAccessibleName(self.tr("Remove selected evidence link"))
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
        """List `item_id`'s links as stored, keeping the selected link if it is still there."""
        keep = self._selected_id() if item_id == self.item_id else None
        self.item_id = item_id
        self.links.clear()
        for record in self.tracker.evidence(item_id):
            entry = QListWidgetItem(record.url)
            entry.setData(Qt.ItemDataRole.UserRole, record.id)
            entry.setToolTip(
                self.tr("Added {when}; Enter opens it in the browser").format(
                    when=day(record.added_at)
                )
            )
            self.links.addItem(entry)
            if record.id == keep:
                self.links.setCurrentItem(entry)
        self.message.setText(
            ""
            if self.links.count()
            else self.tr(
                "No evidence yet. Milestones count fully toward readiness once they "
                "have a link to proof."
            )
        )
        self._selection_changed()

    def _changed(self, change: Change) -> None:
        if (
            self.item_id
            and change.kind in EVIDENCE_KINDS
            and (change.kind == "all" or self.item_id in change.ids)
        ):
            self.load(self.item_id)

    def _add(self) -> None:
        """Add the typed link (undoable); a refusal is said here and the link stays typed."""
        operation = add_evidence_operation(self.tracker, self.item_id, self.url.text())
        if self.operations.run(operation, widget=self, say=self.message.setText) is not None:
            self.url.clear()

    def selected_link(self) -> QListWidgetItem | None:
        """The link the learner selected (None when nothing is selected)."""
        selected = self.links.selectedItems()
        return selected[0] if selected else None

    def _selected_id(self) -> int | None:
        entry = self.selected_link()
        return None if entry is None else int(entry.data(Qt.ItemDataRole.UserRole))

    def _selection_changed(self) -> None:
        self.remove.setEnabled(self.selected_link() is not None)

    def _remove(self) -> None:
        """Remove the selected link (undoable); with nothing selected, nothing happens."""
        evidence_id = self._selected_id()
        if evidence_id is None:
            return
        operation = remove_evidence_operation(self.tracker, evidence_id)
        self.operations.run(operation, widget=self, say=self.message.setText)
