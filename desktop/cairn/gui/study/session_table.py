"""Every recorded study session in one table (date, item or reading, minutes, how it was
recorded), newest first, with Edit… and Delete: each an undoable operation. Embedded in the
History page."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...records import SessionRecord
from ...tracker import Change, Tracker
from ..checklist.column_fit import ColumnFitter
from ..operations import Operations
from ..widgets.dates import local_day_time
from .operations import remove_study_operation
from .widgets import AddTimeDialog

STUDY_KINDS = frozenset({"study", "all", "content"})
DATE, TITLE, MINUTES, SOURCE = range(4)
Index = QModelIndex | QPersistentModelIndex


class SessionModel(QAbstractTableModel):
    """The sessions, newest first; a cell's words are made when a view first asks for them
    (thousands of sessions cost nothing until scrolled to)."""

    def __init__(self, tracker: Tracker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tracker = tracker
        self.sessions: list[SessionRecord] = []
        self._texts: dict[int, tuple[str, str, str, str]] = {}
        self.titles = (
            self.tr("Date"),
            self.tr("Item or reading"),
            self.tr("Minutes"),
            self.tr("Source"),
        )
        self.sources = {
            "timer": self.tr("timed"),
            "manual": self.tr("added"),
            "cli": self.tr("logged"),
        }

    def reload(self) -> None:
        self.beginResetModel()
        self.sessions = sorted(
            self.tracker.sessions(), key=lambda s: (s.started_at, s.id), reverse=True
        )
        self._texts = {}
        self.endResetModel()

    def title_of(self, content_id: str) -> str:
        c = self.tracker.curriculum
        target = c.items.get(content_id) or c.readings.get(content_id)
        return target.title if target is not None else content_id

    def texts(self, row: int) -> tuple[str, str, str, str]:
        found = self._texts.get(row)
        if found is None:
            s = self.sessions[row]
            found = self._texts[row] = (
                local_day_time(s.started_at),
                self.title_of(s.content_id),
                str(s.minutes),
                self.sources.get(s.source, s.source),
            )
        return found

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.sessions)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.texts(row)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == TITLE:
            return self.texts(row)[TITLE]
        if role == Qt.ItemDataRole.UserRole:
            return self.sessions[row].id
        if role == Qt.ItemDataRole.TextAlignmentRole and column == MINUTES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section]
        return None

    def row_of(self, session_id: int | None) -> int:
        return next((r for r, s in enumerate(self.sessions) if s.id == session_id), -1)

    def samples(self) -> dict[int, list[QModelIndex]]:
        """The cells that decide the fitted columns' widths: the first date (dates are all
        about as wide), the session with the most minutes, one cell per source."""
        if not self.sessions:
            return {DATE: [], MINUTES: [], SOURCE: []}
        longest = max(range(len(self.sessions)), key=lambda r: self.sessions[r].minutes)
        sources: dict[str, int] = {}
        for row, s in enumerate(self.sessions):
            sources.setdefault(s.source, row)
        return {
            DATE: [self.index(r, DATE) for r in range(min(7, len(self.sessions)))],
            MINUTES: [self.index(longest, MINUTES)],
            SOURCE: [self.index(r, SOURCE) for r in sources.values()],
        }


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
        self.model = SessionModel(tracker, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Study sessions"))
        self.table.setAccessibleDescription(
            self.tr("Every recorded study session; Enter edits the selected one, Delete deletes it")
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for column in (DATE, MINUTES, SOURCE):  # fitted to samples, not every row
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        self.fitter = ColumnFitter(self.table, header, self.model.samples)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.table.activated.connect(lambda _index: self.open_edit())
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
        return list(self.model.sessions)

    def title_of(self, content_id: str) -> str:
        return self.model.title_of(content_id)

    def text(self, row: int, column: int) -> str:
        """What a cell shows."""
        return str(self.model.index(row, column).data() or "")

    def refresh(self) -> None:
        """Redraw from the tracker, keeping the selected session when it is still there."""
        keep = self.selected_id()
        self.model.reload()
        self.fitter.fit()
        row = self.model.row_of(keep)
        if row >= 0:
            self.table.selectRow(row)
        sessions = self.model.sessions
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
        return int(rows[0].data(Qt.ItemDataRole.UserRole))

    def select(self, session_id: int) -> None:
        """Select the session with this id (nothing when it is not listed)."""
        row = self.model.row_of(session_id)
        if row >= 0:
            self.table.selectRow(row)

    def selected(self) -> SessionRecord | None:
        row = self.model.row_of(self.selected_id())
        return self.model.sessions[row] if row >= 0 else None

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
