"""Every recorded study session in one table (date, item or reading, minutes, how it was
recorded), newest first, with Edit… and Delete: each an undoable operation. Embedded in the
History page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...records import SessionRecord
from ...tracker import Change, Tracker
from ..operations import Operations
from ..widgets.dates import local_day_time
from .operations import remove_study_operation
from .widgets import AddTimeDialog

STUDY_KINDS = frozenset({"study", "all", "content"})
DATE, TITLE, MINUTES, SOURCE = range(4)


class SessionTable(QWidget):
    """All study sessions, to correct or delete; follows every change in place."""

    def __init__(
        self, tracker: Tracker, operations: Operations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.tracker = tracker
        self.operations = operations
        self.dialog: AddTimeDialog | None = None
        self.summary = QLabel("")
        self.summary.setObjectName("DetailMeta")
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Item or reading"), self.tr("Minutes"), self.tr("Source")]
        )
        self.table.setAccessibleName(self.tr("Study sessions"))
        self.table.setAccessibleDescription(
            self.tr("Every recorded study session; Enter edits the selected one, Delete deletes it")
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for column in (DATE, MINUTES, SOURCE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemActivated.connect(lambda _cell: self.open_edit())
        self.edit = QPushButton(self.tr("Edit…"))
        self.edit.setAccessibleName(self.tr("Edit the selected study session"))
        self.edit.clicked.connect(self.open_edit)
        self.delete = QPushButton(self.tr("Delete"))
        self.delete.setAccessibleName(self.tr("Delete the selected study session"))
        self.delete.clicked.connect(self.delete_selected)
        remove = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self.delete_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.edit)
        buttons.addWidget(self.delete)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        operations.changed.connect(self._changed)
        self.refresh()

    def sessions(self) -> list[SessionRecord]:
        """Every recorded session, newest first."""
        return sorted(self.tracker.sessions(), key=lambda s: (s.started_at, s.id), reverse=True)

    def title_of(self, content_id: str) -> str:
        c = self.tracker.curriculum
        target = c.items.get(content_id) or c.readings.get(content_id)
        return target.title if target is not None else content_id

    def refresh(self) -> None:
        """Redraw from the tracker, keeping the selected session when it is still there."""
        keep = self.selected_id()
        sessions = self.sessions()
        self.table.setRowCount(len(sessions))
        sources = {
            "timer": self.tr("timed"),
            "manual": self.tr("added"),
            "cli": self.tr("logged"),
        }
        for row, s in enumerate(sessions):
            title = self.title_of(s.content_id)
            cells = (
                local_day_time(s.started_at),
                title,
                str(s.minutes),
                sources.get(s.source, s.source),
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, s.id)
                if column == TITLE:
                    cell.setToolTip(title)
                if column == MINUTES:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, cell)
            if s.id == keep:
                self.table.selectRow(row)
        total = sum(s.minutes for s in sessions)
        self.summary.setText(
            self.tr("{count} sessions, {hours} h in all").format(
                count=len(sessions), hours=f"{total / 60:.1f}"
            )
            if sessions
            else self.tr("No study time recorded yet.")
        )
        self._selection_changed()

    def _changed(self, change: Change) -> None:
        if change.kind in STUDY_KINDS:
            self.refresh()

    def selected_id(self) -> int | None:
        """The id of the selected session (None when none is)."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        cell = self.table.item(rows[0].row(), DATE)
        return None if cell is None else int(cell.data(Qt.ItemDataRole.UserRole))

    def select(self, session_id: int) -> None:
        """Select the session with this id (nothing when it is not listed)."""
        for row in range(self.table.rowCount()):
            cell = self.table.item(row, DATE)
            if cell is not None and cell.data(Qt.ItemDataRole.UserRole) == session_id:
                self.table.selectRow(row)
                return

    def selected(self) -> SessionRecord | None:
        chosen = self.selected_id()
        return next((s for s in self.tracker.sessions() if s.id == chosen), None)

    def _selection_changed(self) -> None:
        writable = not self.tracker.read_only
        for button in (self.edit, self.delete):
            button.setEnabled(writable and self.selected_id() is not None)

    def open_edit(self) -> AddTimeDialog | None:
        """Open the dialog that corrects the selected session (nothing when none is)."""
        session = self.selected()
        if session is None or self.tracker.read_only:
            return None
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = AddTimeDialog(
            self.tracker, self.operations, session.content_id, self, session=session
        )
        self.dialog.open()
        return self.dialog

    def delete_selected(self) -> Change | None:
        """Delete the selected session (undoable); with none selected, nothing happens."""
        chosen = self.selected_id()
        if chosen is None or self.tracker.read_only:
            return None
        return self.operations.run(remove_study_operation(self.tracker, chosen), widget=self)
