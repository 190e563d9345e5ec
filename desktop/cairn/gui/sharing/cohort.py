"""Several learners' summaries side by side in a window: one sortable row each (the rows and the
CSV come from `cairn.cohort`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...cohort import COLUMNS, CohortRow, cohort_row, write_csv

__all__ = ["CohortRow", "CohortWindow", "cohort_row", "write_csv"]

SORT_ROLE = Qt.ItemDataRole.UserRole + 7


class CohortWindow(QWidget):
    """A table of learners; Enter or double-click opens one learner's summary read-only."""

    open_requested = Signal(str)

    def __init__(self, rows: Sequence[CohortRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = list(rows)
        self.setWindowTitle(
            self.tr("Cohort: {learners} (read-only)").format(learners=self._count())
        )
        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels(list(COLUMNS))
        for row in self.rows:
            cells = []
            for text, key in row.cells():
                cell = QStandardItem(text)
                cell.setEditable(False)
                cell.setData(key, SORT_ROLE)
                cell.setData(str(row.path), Qt.ItemDataRole.UserRole)
                cells.append(cell)
            self.model.appendRow(cells)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Learners"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(
            lambda index: self.open_requested.emit(index.data(Qt.ItemDataRole.UserRole))
        )
        title = QLabel(self._count())
        title.setObjectName("PageTitle")
        note = QLabel(
            self.tr(
                "Read from their exported summaries; nothing here changes your own data. "
                "Sort by any column; Enter or double-click opens a learner's summary."
            )
        )
        note.setObjectName("PageSummary")
        note.setWordWrap(True)
        self.csv_button = QPushButton(self.tr("Export as CSV…"))
        self.csv_button.clicked.connect(self._export_csv)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.csv_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(980, 420)

    def sorted_rows(self) -> list[CohortRow]:
        """Rows in the order shown."""
        by_path = {str(r.path): r for r in self.rows}
        return [
            by_path[self.proxy.index(i, 0).data(Qt.ItemDataRole.UserRole)]
            for i in range(self.proxy.rowCount())
        ]

    def _count(self) -> str:
        """ "1 learner", "3 learners"."""
        if len(self.rows) == 1:
            return self.tr("1 learner")
        return self.tr("{count} learners").format(count=len(self.rows))

    def _export_csv(self) -> None:
        target, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export cohort as CSV"),
            str(Path.home() / f"cairn-cohort-{datetime.now():%Y-%m-%d}.csv"),
            "CSV (*.csv)",
        )
        if target:
            write_csv(self.sorted_rows(), Path(target))
