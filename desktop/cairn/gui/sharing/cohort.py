"""Several learners' summaries side by side: one sortable row each, exportable as CSV."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
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

from ...reports.importer import ExportData

COLUMNS = (
    "Learner",
    "Overall %",
    "Primary role",
    "Readiness",
    "Study, last 4 weeks (h)",
    "Last activity",
    "Exported",
    "File",
)
SORT_ROLE = Qt.ItemDataRole.UserRole + 7


@dataclass(frozen=True, slots=True)
class CohortRow:
    learner: str
    overall: float
    role: str
    readiness: float | None
    study_hours: float | None
    last_activity: str
    exported: str
    path: Path

    def cells(self) -> list[tuple[str, object]]:
        """(text shown, value sorted by) for each column."""

        def number(value: float | None, fmt: str) -> tuple[str, object]:
            return ("—", -1.0) if value is None else (format(value, fmt), value)

        return [
            (self.learner, self.learner.lower()),
            number(self.overall, ".1f"),
            (self.role or "—", self.role),
            number(self.readiness, ".1f"),
            number(self.study_hours, ".1f"),
            (self.last_activity or "—", self.last_activity),
            (self.exported, self.exported),
            (self.path.name, self.path.name),
        ]


def cohort_row(data: ExportData) -> CohortRow:
    """A learner's row from the summary numbers their export carries."""
    summary = data.summary
    overall = summary.get("overall", {}) if isinstance(summary.get("overall"), dict) else {}
    roles = [r for r in summary.get("roles", []) if isinstance(r, dict)]
    primary = next((r for r in roles if r.get("id") == data.primary_role), None)
    study = summary.get("study_minutes_last_four_weeks")
    last = summary.get("last_activity")
    return CohortRow(
        learner=data.learner_name or data.path.stem,
        overall=float(overall.get("percent", 0.0) or 0.0),
        role=str(primary.get("name", "")) if primary else "",
        readiness=float(primary["readiness"])
        if primary and isinstance(primary.get("readiness"), int | float)
        else None,
        study_hours=round(study / 60, 1) if isinstance(study, int | float) else None,
        last_activity=str(last)[:10] if isinstance(last, str) else "",
        exported=f"{data.exported_at:%Y-%m-%d}",
        path=data.path,
    )


def write_csv(rows: Sequence[CohortRow], target: Path) -> None:
    with open(target, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow([text for text, _ in row.cells()])


class CohortWindow(QWidget):
    """A table of learners; Enter or double-click opens one learner's summary read-only."""

    open_requested = Signal(str)

    def __init__(self, rows: Sequence[CohortRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = list(rows)
        self.setWindowTitle(f"Cairn — cohort of {len(self.rows)} learners (read-only)")
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
        self.table.setAccessibleName("Learners")
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
        title = QLabel(f"{len(self.rows)} learners")
        title.setObjectName("PageTitle")
        note = QLabel(
            "Read from their exported summaries; nothing here changes your own data. "
            "Sort by any column; Enter or double-click opens a learner's summary."
        )
        note.setObjectName("PageSummary")
        note.setWordWrap(True)
        self.csv_button = QPushButton("Export as CSV…")
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

    def _export_csv(self) -> None:
        target, _ = QFileDialog.getSaveFileName(
            self,
            "Export cohort as CSV",
            str(Path.home() / f"cairn-cohort-{datetime.now():%Y-%m-%d}.csv"),
            "CSV (*.csv)",
        )
        if target:
            write_csv(self.sorted_rows(), Path(target))
