"""Retention beside readiness on the dashboard: for each skill area of the role shown, how
much of what the learner finished they would recall now ("82 %", or "—" with no reviewed card).
It is shown next to the readiness score and never changes it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...practice.retention import AreaRetention
from ...tracker import Tracker
from ..widgets.actions import ACTION_ERRORS
from ..widgets.common import section_label
from .words import percent


class RetentionBox(QWidget):
    """A small table: skill area · cards reviewed · remembered now."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Remembered per skill area"))
        title = section_label(self.tr("Remembered (practice)"))
        self.hint = QLabel(
            self.tr(
                "How much of what you finished you would recall now: the average recall of "
                "the area's reviewed cards. Shown beside readiness; it never changes the score."
            )
        )
        self.hint.setObjectName("DetailMeta")
        self.hint.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName(self.tr("Remembered per skill area"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Skill area"), self.tr("Cards"), self.tr("Recall")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)  # a long area name wraps rather than being cut
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        rows.sectionResized.connect(self._fit_height)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        self.shown: list[tuple[str, str]] = []  # (area name, remembered) as listed

    def show_areas(self, skill_ids: Sequence[str], tracker: Tracker) -> None:
        """The role's areas in its order, with their retention now."""
        try:
            found = {a.skill_id: a for a in tracker.retention_by_area()}
        except ACTION_ERRORS:
            found = {}
        skills = tracker.curriculum.skills
        rows: list[AreaRetention] = [
            found.get(s) or AreaRetention(s, skills[s].name if s in skills else s, 0, None)
            for s in skill_ids
        ]
        self.fill(rows)

    def fill(self, rows: Sequence[AreaRetention]) -> None:
        self.table.setRowCount(len(rows))
        self.shown = []
        for row, area in enumerate(rows):
            remembered = percent(area.recall)
            cells = (area.name, str(area.cards) if area.cards else "—", remembered)
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                cell.setData(
                    Qt.ItemDataRole.AccessibleTextRole,
                    self.tr("{area}: remembered {value}").format(area=area.name, value=remembered)
                    if column == 0
                    else text,
                )
                self.table.setItem(row, column, cell)
            self.shown.append((area.name, remembered))
        self._fit_height()

    def _fit_height(self, *_resized: int) -> None:
        """Every area shown (the page scrolls, not the list), however the names wrap."""
        height = self.table.horizontalHeader().height() + 2 * self.table.frameWidth()
        height += sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        self.table.setFixedHeight(height)
